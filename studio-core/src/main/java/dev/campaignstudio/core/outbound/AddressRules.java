package dev.campaignstudio.core.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses outbound requests (product images, product pages, callbacks) may reach: the one place that decides.
 * Loopback, private, link-local (including the 169.254.169.254 metadata service), shared, unspecified, multicast and
 * reserved ranges are refused unless allowed; an IPv6 address that carries an IPv4 address (mapped, compatible,
 * translated, NAT64, 6to4, Teredo: {@link EmbeddedIpv4}) is judged by the IPv4 address too; a hostname is judged by
 * every address it resolves to. The ranges are listed in docs/operations.md.
 *
 * @param allowLoopback allow 127.0.0.0/8 and ::1 (tests, local setups)
 * @param allowPrivate  allow RFC 1918, shared (100.64/10), IETF (192.0.0/24), benchmarking (198.18/15), unique-local
 *                      (fc00::/7), site-local (fec0::/10) and local-use NAT64 (64:ff9b:1::/48) ranges
 */
public record AddressRules(boolean allowLoopback, boolean allowPrivate) {

    /** The production default: public addresses only. */
    public static final AddressRules PUBLIC_ONLY = new AddressRules(false, false);

    /**
     * Why {@code address} may not be reached, or empty when it may. The reason names a kind of range (for tests and
     * operators' logs); it is not meant for callers, who are told only that a destination is not allowed.
     */
    public Optional<String> refusal(InetAddress address) {
        Optional<String> own = judge(address);
        if (own.isPresent()) {
            return own;
        }
        for (Inet4Address embedded : EmbeddedIpv4.in(address)) {
            Optional<String> carried = judge(embedded);
            if (carried.isPresent()) {
                return carried;
            }
        }
        return Optional.empty();
    }

    private Optional<String> judge(InetAddress ip) {
        Range range = ip instanceof Inet4Address ? ipv4(ip.getAddress()) : ipv6((Inet6Address) ip);
        return switch (range) {
            case PUBLIC -> Optional.empty();
            case LOOPBACK -> allowLoopback ? Optional.empty() : Optional.of("a loopback address");
            case PRIVATE -> allowPrivate ? Optional.empty() : Optional.of("a private address");
            case LINK_LOCAL -> Optional.of("a link-local address (such as the cloud metadata service)");
            case UNSPECIFIED -> Optional.of("an unspecified address");
            case MULTICAST_OR_RESERVED -> Optional.of("a multicast, reserved or broadcast address");
        };
    }

    private static Range ipv4(byte[] b) {
        int a = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        if (a == 127) {
            return Range.LOOPBACK;
        }
        if (a == 0) {
            return Range.UNSPECIFIED;
        }
        if (a == 169 && second == 254) {
            return Range.LINK_LOCAL;
        }
        if (a >= 224) {
            return Range.MULTICAST_OR_RESERVED;
        }
        boolean isPrivate = a == 10
                || a == 172 && (second & 0xF0) == 16
                || a == 192 && second == 168
                || a == 100 && (second & 0xC0) == 64
                || a == 192 && second == 0 && (b[2] & 0xFF) == 0
                || a == 198 && (second & 0xFE) == 18;
        return isPrivate ? Range.PRIVATE : Range.PUBLIC;
    }

    private static Range ipv6(Inet6Address ip) {
        byte[] b = ip.getAddress();
        if (ip.isLoopbackAddress()) {
            return Range.LOOPBACK;
        }
        if (ip.isAnyLocalAddress()) {
            return Range.UNSPECIFIED;
        }
        if (ip.isLinkLocalAddress()) {
            return Range.LINK_LOCAL;
        }
        if (ip.isMulticastAddress()) {
            return Range.MULTICAST_OR_RESERVED;
        }
        boolean isPrivate = (b[0] & 0xFE) == 0xFC || ip.isSiteLocalAddress() || EmbeddedIpv4.isLocalUseNat64(b);
        return isPrivate ? Range.PRIVATE : Range.PUBLIC;
    }

    /** The kinds of range the rules tell apart. */
    private enum Range {
        PUBLIC,
        LOOPBACK,
        PRIVATE,
        LINK_LOCAL,
        UNSPECIFIED,
        MULTICAST_OR_RESERVED
    }
}
