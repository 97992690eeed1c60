#!/usr/bin/env bash
# Makes the two PKIs and records the two loopback TLS 1.2 sessions in this folder. Run as root (tcpdump) from here:
#   bash make-loopback.sh
# Needs openssl (3.0) and tcpdump. Captures only on lo, traffic only to 127.0.0.1. The outputs are committed;
# running it again makes new keys, new certificates and new captures (the tests read whatever is here).
set -euo pipefail
cd "$(dirname "$0")"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

# ext NAME SECTION-BODY: writes an extensions file for openssl x509 -extfile.
ext() { printf '[v3]\n%s\n' "$2" > "$W/$1.ext"; }
ext ca 'basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid'
ext leaf 'basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
subjectAltName=DNS:www.loopback.test,DNS:*.wild.loopback.test,IP:127.0.0.1,IP:::1'
ext ocsp 'basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=OCSPSigning'

# pki PREFIX KEYALG: root (self-signed), intermediate and leaf; the leaf's notAfter is after 2049 (GeneralizedTime).
pki() {
  local p=$1 alg=$2
  key() { if [ "$alg" = rsa ]; then openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1"; \
          else openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; fi; }
  key "$W/$p-root.key"; key "$W/$p-inter.key"; key "$W/$p-leaf.key"; key "$W/$p-ocsp.key"
  openssl req -x509 -new -key "$W/$p-root.key" -subj "/C=ZZ/O=Dissect Loopback/CN=Loopback $alg Root CA" \
    -days 9000 -set_serial 0x1001 -extensions v3 -config <(printf '[req]\ndistinguished_name=dn\n[dn]\n'; cat "$W/ca.ext") \
    -out "$p-root.pem"
  openssl req -new -key "$W/$p-inter.key" -subj "/C=ZZ/O=Dissect Loopback/CN=Loopback $alg Intermediate CA" -out "$W/i.csr"
  openssl x509 -req -in "$W/i.csr" -CA "$p-root.pem" -CAkey "$W/$p-root.key" -set_serial 0x2002 -days 8000 \
    -extfile "$W/ca.ext" -extensions v3 -out "$p-inter.pem"
  openssl req -new -key "$W/$p-leaf.key" -subj "/C=ZZ/ST=Test State/L=Test City/O=Dissect Loopback/OU=Certs/CN=www.loopback.test" -out "$W/l.csr"
  openssl x509 -req -in "$W/l.csr" -CA "$p-inter.pem" -CAkey "$W/$p-inter.key" -set_serial 0x3003 -days 10000 \
    -extfile "$W/leaf.ext" -extensions v3 -out "$p-leaf.pem"
  cp "$W/$p-leaf.key" "$p-leaf.key"
  openssl req -new -key "$W/$p-ocsp.key" -subj "/C=ZZ/O=Dissect Loopback/CN=Loopback $alg OCSP Responder" -out "$W/o.csr"
  openssl x509 -req -in "$W/o.csr" -CA "$p-inter.pem" -CAkey "$W/$p-inter.key" -set_serial 0x4004 -days 7000 \
    -extfile "$W/ocsp.ext" -extensions v3 -out "$W/$p-ocsp.pem"
  # A delegated OCSP responder's answer for the leaf: good, valid 30 days from now.
  printf 'V\t%s\t\t3003\tunknown\t/CN=www.loopback.test\n' 521231235959Z > "$W/index.txt"
  openssl ocsp -index "$W/index.txt" -CA "$p-inter.pem" -rsigner "$W/$p-ocsp.pem" -rkey "$W/$p-ocsp.key" \
    -issuer "$p-inter.pem" -cert "$p-leaf.pem" -ndays 30 -respout "$p-leaf.ocsp.der"
}
pki rsa rsa
pki ec ec

# free_port: a TCP port nobody listens on (other people's servers share lo).
free_port() {
  local p
  for p in $(shuf -i 40000-60000 -n 50); do
    ss -ltn | awk '{print $4}' | grep -q ":$p\$" || { echo "$p"; return; }
  done
  return 1
}

# record NAME SERVER-ARGS...: one s_client connection on a free port, captured on lo.
record() {
  local name=$1 port; port=$(free_port); shift
  tcpdump -i lo -U -s 0 -w "$name.pcap" "tcp port $port and host 127.0.0.1" & local td=$!
  sleep 1
  openssl s_server -accept "127.0.0.1:$port" -naccept 1 -quiet "$@" & local sv=$!
  sleep 1
  echo Q | openssl s_client -connect "127.0.0.1:$port" -servername www.loopback.test -tls1_2 -status \
    -CAfile "$(echo "$name" | cut -d- -f1)-root.pem" -verify_return_error > "$W/$name.client.txt" 2>&1 || true
  sleep 1
  wait "$sv" || true
  kill "$td"; wait "$td" || true
  grep -E 'Verify return code|OCSP Response Status' "$W/$name.client.txt"
}
# RSA: chain in order (leaf, intermediate). EC: chain out of order with a superfluous root; once more with a stapled
# OCSP response (TLS 1.2 CertificateStatus).
cat rsa-inter.pem > "$W/rsa-chain.pem"
cat ec-root.pem ec-inter.pem > "$W/ec-chain.pem"
record rsa-tls12 -cert rsa-leaf.pem -key rsa-leaf.key -cert_chain "$W/rsa-chain.pem"
record ec-tls12 -cert ec-leaf.pem -key ec-leaf.key -cert_chain "$W/ec-chain.pem"
record ec-tls12-ocsp -cert ec-leaf.pem -key ec-leaf.key -cert_chain "$W/ec-chain.pem" -status_file ec-leaf.ocsp.der
rm -f rsa-leaf.key ec-leaf.key

# What tshark 4.0 says about the certificates (CertificateFieldsTest compares with it). The OCSP capture is left out:
# tshark also dissects the OCSP response's responder name and certificate into the same x509 fields.
fields="x509af.version x509af.serialNumber x509af.algorithm.id x509af.issuer x509af.subject x509if.rdnSequence
 x509af.rdnSequence x509if.RDNSequence_item x509if.oid x509sat.CountryName x509sat.DirectoryString x509sat.uTF8String
 x509sat.printableString x509af.notBefore x509af.notAfter x509af.utcTime x509af.generalizedTime x509af.subjectPublicKey
 pkcs1.namedCurve pkcs1.modulus pkcs1.publicExponent x509af.extensions x509af.extension.id x509af.critical x509ce.cA
 x509ce.pathLenConstraint x509ce.KeyUsage x509ce.KeyUsage.digitalSignature x509ce.KeyUsage.keyEncipherment
 x509ce.KeyUsage.keyCertSign x509ce.KeyUsage.cRLSign x509ce.KeyUsage.decipherOnly x509ce.KeyPurposeIDs
 x509ce.KeyPurposeId x509ce.SubjectKeyIdentifier x509ce.keyIdentifier x509ce.GeneralNames x509ce.GeneralName
 x509ce.dNSName x509ce.IPAddress.ipv4 x509ce.IPAddress.ipv6 x509af.encrypted"
: > expected-x509.tsv
for p in rsa-tls12 ec-tls12; do
  for f in $fields; do
    printf '%s\t%s\t%s\n' "$p" "$f" "$(tshark -r "$p.pcap" -Y tls.handshake.type==11 -T fields -E occurrence=a \
      -E aggregator=, -e "$f" 2>/dev/null)" >> expected-x509.tsv
  done
done
tshark --version | head -1 > expected-x509.version
