package dev.dissect.bench;

/**
 * The two ends of one conversation as a capture taken beside the host sees them: the host's MAC and address, the
 * peer's address behind the gateway, an optional 802.1Q tag, and the IPv4 identification counters of each side.
 *
 * <p>Mutable: the identification counters advance as frames are built. One instance per conversation.
 */
final class Endpoints {
    final byte[] hostMac;
    final int vlanId;
    final boolean ipv6;
    final byte[] hostIp;
    final byte[] peerIp;
    final int peerTtl;
    final int hostFlowLabel;
    final int peerFlowLabel;
    int hostIpId;
    int peerIpId;

    /**
     * @param vlanId 1 to 4094 for an 802.1Q-tagged conversation, 0 for none
     * @param hostIp and {@code peerIp}: 4 bytes each for IPv4, 16 for IPv6
     */
    Endpoints(byte[] hostMac, int vlanId, byte[] hostIp, byte[] peerIp, int peerTtl, int hostIpId, int peerIpId,
            int hostFlowLabel, int peerFlowLabel) {
        if (hostIp.length != peerIp.length || (hostIp.length != 4 && hostIp.length != 16)) {
            throw new IllegalArgumentException("hostIp=" + hostIp.length + " peerIp=" + peerIp.length + " bytes");
        }
        this.hostMac = hostMac;
        this.vlanId = vlanId;
        this.ipv6 = hostIp.length == 16;
        this.hostIp = hostIp;
        this.peerIp = peerIp;
        this.peerTtl = peerTtl;
        this.hostIpId = hostIpId & 0xFFFF;
        this.peerIpId = peerIpId & 0xFFFF;
        this.hostFlowLabel = hostFlowLabel & 0xFFFFF;
        this.peerFlowLabel = peerFlowLabel & 0xFFFFF;
    }
}
