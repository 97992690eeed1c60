package dev.dissect.api.flow;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The identity of a transport flow: IP version, VLAN tags, and the two endpoints (address and port), with the side
 * that spoke first (or sent the SYN) as the client.
 *
 * <p><b>Made once per flow, never per packet.</b> The engine finds flows with an allocation-free table keyed by the
 * raw address and port bytes; this object is what a plugin sees of that key ({@code StreamContext.flow()}).
 * Immutable; {@link #equals} ignores which side is the client, so the two directions of a flow are one key.
 *
 * @since 0.1
 */
public final class FlowKey {
    private final int ipVersion;
    private final int vlan;
    private final byte[] clientAddress;
    private final int clientPort;
    private final byte[] serverAddress;
    private final int serverPort;

    /**
     * @param ipVersion     4 or 6
     * @param vlan          the VLAN ids that carried the flow folded into one number (0 when untagged)
     * @param clientAddress 4 or 16 bytes; copied
     * @param serverAddress same length as {@code clientAddress}; copied
     */
    public FlowKey(int ipVersion, int vlan, byte[] clientAddress, int clientPort, byte[] serverAddress,
                   int serverPort) {
        if (clientAddress.length != serverAddress.length) {
            throw new IllegalArgumentException("address lengths differ: " + clientAddress.length + " and "
                    + serverAddress.length);
        }
        this.ipVersion = ipVersion;
        this.vlan = vlan;
        this.clientAddress = clientAddress.clone();
        this.clientPort = clientPort;
        this.serverAddress = serverAddress.clone();
        this.serverPort = serverPort;
    }

    /** 4 or 6. */
    public int ipVersion() {
        return ipVersion;
    }

    /** The VLAN ids folded into one number, 0 when untagged. */
    public int vlan() {
        return vlan;
    }

    /** A copy of the client's address bytes. */
    public byte[] clientAddress() {
        return clientAddress.clone();
    }

    /** The client's port. */
    public int clientPort() {
        return clientPort;
    }

    /** A copy of the server's address bytes. */
    public byte[] serverAddress() {
        return serverAddress.clone();
    }

    /** The server's port. */
    public int serverPort() {
        return serverPort;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FlowKey k) || k.ipVersion != ipVersion || k.vlan != vlan) {
            return false;
        }
        boolean same = k.clientPort == clientPort && k.serverPort == serverPort
                && Arrays.equals(k.clientAddress, clientAddress) && Arrays.equals(k.serverAddress, serverAddress);
        boolean swapped = k.clientPort == serverPort && k.serverPort == clientPort
                && Arrays.equals(k.clientAddress, serverAddress) && Arrays.equals(k.serverAddress, clientAddress);
        return same || swapped;
    }

    @Override
    public int hashCode() {
        int a = Arrays.hashCode(clientAddress) * 31 + clientPort;
        int b = Arrays.hashCode(serverAddress) * 31 + serverPort;
        return Objects.hash(ipVersion, vlan) * 31 + (a ^ b);
    }

    /** For example {@code 10.0.0.1:50000 -> 10.0.0.2:443} (with {@code vlan N} when tagged). */
    @Override
    public String toString() {
        String s = endpoint(clientAddress, clientPort) + " -> " + endpoint(serverAddress, serverPort);
        return vlan == 0 ? s : s + " vlan " + vlan;
    }

    private String endpoint(byte[] address, int port) {
        try {
            String host = InetAddress.getByAddress(address).getHostAddress();
            return (ipVersion == 6 ? "[" + host + "]" : host) + ":" + port;
        } catch (UnknownHostException e) {
            return "?:" + port;
        }
    }
}
