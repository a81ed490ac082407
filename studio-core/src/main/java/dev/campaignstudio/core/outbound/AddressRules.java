package dev.campaignstudio.core.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses outbound requests (product images, product pages, callbacks) may reach. Loopback, private,
 * link-local (including the 169.254.169.254 metadata service), shared, unspecified and multicast ranges are refused
 * unless allowed; a hostname is judged by every address it resolves to.
 *
 * @param allowLoopback allow 127.0.0.0/8 and ::1 (tests, local setups)
 * @param allowPrivate  allow RFC 1918, shared (100.64/10) and unique-local (fc00::/7) ranges
 */
public record AddressRules(boolean allowLoopback, boolean allowPrivate) {

    /** The production default: public addresses only. */
    public static final AddressRules PUBLIC_ONLY = new AddressRules(false, false);

    /** Why {@code address} may not be reached, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        InetAddress ip = unmapped(address);
        if (ip.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (ip.isLinkLocalAddress() || isIpv4(ip, 169, 254)) {
            return Optional.of("a link-local address (such as the cloud metadata service)");
        }
        if (ip.isAnyLocalAddress() || isIpv4Prefix(ip, 0, 8)) {
            return Optional.of("an unspecified address");
        }
        if (ip.isMulticastAddress() || isIpv4Prefix(ip, 224, 3)) {
            return Optional.of("a multicast, reserved or broadcast address");
        }
        boolean isPrivate = ip.isSiteLocalAddress() || isShared(ip) || isUniqueLocal(ip) || isBenchmark(ip);
        if (isPrivate) {
            return allowPrivate ? Optional.empty() : Optional.of("a private address");
        }
        return Optional.empty();
    }

    private static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (java.net.UnknownHostException impossible) {
                    return address;
                }
            }
        }
        return address;
    }

    private static boolean isIpv4(InetAddress ip, int first, int second) {
        return ip instanceof Inet4Address && (ip.getAddress()[0] & 0xFF) == first && (ip.getAddress()[1] & 0xFF) == second;
    }

    /** Whether the first {@code bits} bits of an IPv4 address equal those of {@code first}.0.0.0. */
    private static boolean isIpv4Prefix(InetAddress ip, int first, int bits) {
        if (!(ip instanceof Inet4Address)) {
            return false;
        }
        int value = ip.getAddress()[0] & 0xFF;
        int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
        return (value & mask) == (first & mask);
    }

    private static boolean isShared(InetAddress ip) {
        return ip instanceof Inet4Address && (ip.getAddress()[0] & 0xFF) == 100 && (ip.getAddress()[1] & 0xC0) == 64;
    }

    private static boolean isBenchmark(InetAddress ip) {
        return ip instanceof Inet4Address && (ip.getAddress()[0] & 0xFF) == 198 && (ip.getAddress()[1] & 0xFE) == 18;
    }

    private static boolean isUniqueLocal(InetAddress ip) {
        return ip instanceof Inet6Address && (ip.getAddress()[0] & 0xFE) == 0xFC;
    }
}
