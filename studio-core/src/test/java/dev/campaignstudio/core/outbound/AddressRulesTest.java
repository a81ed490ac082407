package dev.campaignstudio.core.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressRulesTest {

    private static final AddressRules LOOPBACK_ALLOWED = new AddressRules(true, false);
    private static final AddressRules PRIVATE_ALLOWED = new AddressRules(false, true);
    private static final AddressRules BOTH_ALLOWED = new AddressRules(true, true);

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    /** The IPv6 address {@code literal} spells, kept IPv6 even when the JDK would read an IPv4-mapped one as IPv4. */
    private static InetAddress ipv6(String literal) throws UnknownHostException {
        byte[] parsed = ip(literal).getAddress();
        byte[] sixteen = parsed.length == 16
                ? parsed
                : new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, parsed[0], parsed[1], parsed[2], parsed[3]};
        return Inet6Address.getByAddress(null, sixteen, null);
    }

    @Test
    void publicAddressesAreReachable() throws Exception {
        for (String address : new String[] {
            "93.184.216.34",
            "8.8.8.8",
            "2606:2800:220:1:248:1893:25c8:1946",
            "172.32.0.1",
            "100.128.0.1",
            "192.0.1.1",
            "198.20.0.1",
            "223.255.255.255",
            "1.0.0.1"
        }) {
            assertThat(AddressRules.PUBLIC_ONLY.refusal(ip(address)))
                    .as(address)
                    .isEmpty();
        }
    }

    @Test
    void metadataLinkLocalUnspecifiedAndMulticastAreAlwaysRefused() throws Exception {
        for (String address : new String[] {
            "169.254.169.254",
            "169.254.0.1",
            "fe80::1",
            "febf::1",
            "0.0.0.0",
            "0.1.2.3",
            "::",
            "224.0.0.1",
            "239.255.255.250",
            "255.255.255.255",
            "240.0.0.1",
            "ff02::1",
            "ff0e::1"
        }) {
            assertThat(BOTH_ALLOWED.refusal(ip(address))).as(address).isPresent();
        }
    }

    @Test
    void privateRangesAreRefusedUnlessAllowed() throws Exception {
        for (String address : new String[] {
            "10.0.0.5",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "100.64.0.1",
            "100.127.255.254",
            "192.0.0.8",
            "198.18.0.1",
            "198.19.255.255",
            "fd12:3456::1",
            "fc00::1",
            "fec0::1",
            "64:ff9b:1::808:808"
        }) {
            assertThat(AddressRules.PUBLIC_ONLY.refusal(ip(address)))
                    .as(address)
                    .contains("a private address");
            assertThat(LOOPBACK_ALLOWED.refusal(ip(address))).as(address).contains("a private address");
            assertThat(PRIVATE_ALLOWED.refusal(ip(address))).as(address).isEmpty();
        }
    }

    @Test
    void loopbackIsRefusedUnlessAllowed() throws Exception {
        for (String address : new String[] {"127.0.0.1", "127.1.2.3", "127.255.255.255", "::1"}) {
            assertThat(AddressRules.PUBLIC_ONLY.refusal(ip(address)))
                    .as(address)
                    .contains("a loopback address");
            assertThat(PRIVATE_ALLOWED.refusal(ip(address))).as(address).contains("a loopback address");
            assertThat(LOOPBACK_ALLOWED.refusal(ip(address))).as(address).isEmpty();
        }
    }

    /**
     * Every way IPv6 carries an IPv4 address, with the switch that lets it through: {@code loopback}, {@code private},
     * {@code both} (a private IPv6 range carrying loopback) or {@code none}. The public-only rules refuse every one.
     */
    @ParameterizedTest(name = "{2}: {0}")
    @CsvSource({
        "::127.0.0.1,              loopback,  IPv4-compatible loopback",
        "::7f00:1,                 loopback,  IPv4-compatible loopback in hex",
        "::10.0.0.1,               private,   IPv4-compatible private",
        "::169.254.169.254,        none,      IPv4-compatible metadata service",
        "::0.0.0.2,                none,      IPv4-compatible 0/8",
        "::ffff:127.0.0.1,         loopback,  IPv4-mapped loopback",
        "::ffff:10.0.0.1,          private,   IPv4-mapped private",
        "::ffff:169.254.169.254,   none,      IPv4-mapped metadata service",
        "::ffff:0:127.0.0.1,       loopback,  IPv4-translated loopback",
        "::ffff:0:192.168.0.1,     private,   IPv4-translated private",
        "64:ff9b::7f00:1,          loopback,  NAT64 loopback",
        "64:ff9b::127.0.0.1,       loopback,  NAT64 loopback dotted",
        "64:ff9b::a00:1,           private,   NAT64 private",
        "64:ff9b::a9fe:a9fe,       none,      NAT64 metadata service",
        "64:ff9b::e000:1,          none,      NAT64 multicast",
        "64:ff9b:1::7f00:1,        both,      local-use NAT64 loopback",
        "64:ff9b:1:ab::a00:1,      private,   local-use NAT64 private",
        "64:ff9b:1::a9fe:a9fe,     none,      local-use NAT64 metadata service",
        "2002:7f00:1::,            loopback,  6to4 loopback",
        "2002:7f00:1:1::1,         loopback,  6to4 loopback with a subnet and host",
        "2002:a00:1::,             private,   6to4 private",
        "2002:c0a8:101::1,         private,   6to4 192.168.1.1",
        "2002:a9fe:a9fe::,         none,      6to4 metadata service",
        "2001:0:4136:e378:8000:63bf:f5ff:fffe,  private,   Teredo client 10.0.0.1",
        "2001:0:4136:e378:8000:63bf:80ff:fffe,  loopback,  Teredo client 127.0.0.1",
        "2001:0:4136:e378:8000:63bf:5601:5601,  none,      Teredo client 169.254.169.254",
        "2001:0:7f00:1:8000:63bf:f7f7:f7f7,     loopback,  Teredo server 127.0.0.1",
        "2001:0:a00:1:8000:63bf:f7f7:f7f7,      private,   Teredo server 10.0.0.1",
    })
    void everyEmbeddedIpv4FormIsJudgedByTheAddressItCarries(String address, String allowedBy, String form)
            throws Exception {
        for (InetAddress parsed : new InetAddress[] {ip(address), ipv6(address)}) {
            assertThat(AddressRules.PUBLIC_ONLY.refusal(parsed)).as(form).isPresent();
            assertThat(LOOPBACK_ALLOWED.refusal(parsed).isEmpty())
                    .as(form + ", loopback allowed")
                    .isEqualTo(allowedBy.equals("loopback"));
            assertThat(PRIVATE_ALLOWED.refusal(parsed).isEmpty())
                    .as(form + ", private allowed")
                    .isEqualTo(allowedBy.equals("private"));
            assertThat(BOTH_ALLOWED.refusal(parsed).isEmpty())
                    .as(form + ", both allowed")
                    .isEqualTo(!allowedBy.equals("none"));
        }
    }

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource({
        "::ffff:8.8.8.8,                        IPv4-mapped 8.8.8.8",
        "64:ff9b::808:808,                      NAT64 8.8.8.8",
        "64:ff9b::8.8.4.4,                      NAT64 8.8.4.4 dotted",
        "2002:808:808::,                        6to4 8.8.8.8",
        "2002:5db8:d822:1::1,                   6to4 93.184.216.34",
        "2001:0:4136:e378:8000:63bf:f7f7:f7f7,  Teredo server 65.54.227.120 client 8.8.8.8",
        "2001:db9::1,                           not Teredo: 2001::/32 only",
        "2003:7f00:1::,                         not 6to4: 2002::/16 only",
        "64:ff9a::7f00:1,                       not NAT64: 64:ff9b::/96 only",
    })
    void publicAddressesCarriedByIpv6AreReachable(String address, String form) throws Exception {
        assertThat(AddressRules.PUBLIC_ONLY.refusal(ip(address))).as(form).isEmpty();
        assertThat(AddressRules.PUBLIC_ONLY.refusal(ipv6(address))).as(form).isEmpty();
    }
}
