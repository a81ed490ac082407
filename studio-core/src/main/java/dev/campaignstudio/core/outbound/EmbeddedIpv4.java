package dev.campaignstudio.core.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 addresses an IPv6 address carries, so that the IPv4 rules judge them: a packet to such an address may end
 * at the IPv4 host (by translation, a tunnel or the kernel's own handling). The forms are IPv4-mapped
 * ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}), IPv4-translated ({@code ::ffff:0:a.b.c.d}), NAT64
 * ({@code 64:ff9b::/96} and the local-use {@code 64:ff9b:1::/48}), 6to4
 * ({@code 2002::/16}) and Teredo ({@code 2001::/32}: its server, and its client with the bits inverted).
 *
 * <p>NAT64 prefixes carved from the local-use {@code 64:ff9b:1::/48} are taken as {@code /96}, the IPv4 address in the
 * last 32 bits (RFC 8215 carves {@code /96} prefixes from it); the range itself is private to one network, so
 * {@link AddressRules} refuses it unless private addresses are allowed, whatever it carries.
 */
final class EmbeddedIpv4 {

    private EmbeddedIpv4() {}

    /**
     * Every IPv4 address {@code address} embeds; empty for an IPv4 address or an IPv6 address that embeds none. The
     * unspecified {@code ::} and the loopback {@code ::1} are IPv6's own, not IPv4-compatible forms.
     */
    static List<Inet4Address> in(InetAddress address) {
        List<Inet4Address> found = new ArrayList<>();
        if (!(address instanceof Inet6Address)) {
            return found;
        }
        byte[] b = address.getAddress();
        if (zero(b, 0, 10) && word(b, 10) == 0xFFFF) {
            found.add(ipv4(b, 12, false));
        } else if (zero(b, 0, 12) && !(zero(b, 12, 15) && (b[15] == 0 || b[15] == 1))) {
            found.add(ipv4(b, 12, false));
        } else if (zero(b, 0, 8) && word(b, 8) == 0xFFFF && word(b, 10) == 0) {
            found.add(ipv4(b, 12, false));
        } else if (word(b, 0) == 0x0064 && word(b, 2) == 0xFF9B && zero(b, 4, 12) || isLocalUseNat64(b)) {
            found.add(ipv4(b, 12, false));
        } else if (word(b, 0) == 0x2002) {
            found.add(ipv4(b, 2, false));
        } else if (word(b, 0) == 0x2001 && word(b, 2) == 0x0000) {
            found.add(ipv4(b, 4, false));
            found.add(ipv4(b, 12, true));
        }
        return found;
    }

    /** Whether {@code b} lies in {@code 64:ff9b:1::/48}, the NAT64 prefix for use inside one network (RFC 8215). */
    static boolean isLocalUseNat64(byte[] b) {
        return b.length == 16 && word(b, 0) == 0x0064 && word(b, 2) == 0xFF9B && word(b, 4) == 0x0001;
    }

    private static Inet4Address ipv4(byte[] b, int from, boolean inverted) {
        byte[] four = new byte[4];
        for (int i = 0; i < 4; i++) {
            four[i] = (byte) (inverted ? ~b[from + i] : b[from + i]);
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(four);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("four bytes are always an IPv4 address", impossible);
        }
    }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    /** Whether bytes {@code from} (inclusive) to {@code to} (exclusive) are all zero. */
    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
