package dev.campaignstudio.core.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressRulesTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void publicAddressesAreReachable() throws Exception {
        for (String address : new String[] {"93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946", "172.32.0.1", "100.128.0.1"}) {
            assertThat(AddressRules.PUBLIC_ONLY.refusal(ip(address))).as(address).isEmpty();
        }
    }

    @Test
    void metadataLinkLocalUnspecifiedAndMulticastAreAlwaysRefused() throws Exception {
        AddressRules lenient = new AddressRules(true, true);
        for (String address : new String[] {"169.254.169.254", "169.254.0.1", "fe80::1", "0.0.0.0", "0.1.2.3", "::", "224.0.0.1",
                "239.255.255.250", "255.255.255.255", "240.0.0.1", "ff02::1"}) {
            assertThat(lenient.refusal(ip(address))).as(address).isPresent();
        }
    }

    @Test
    void privateRangesAreRefusedUnlessAllowed() throws Exception {
        for (String address : new String[] {"10.0.0.5", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "198.18.0.1",
                "fd12:3456::1", "fc00::1"}) {
            assertThat(AddressRules.PUBLIC_ONLY.refusal(ip(address))).as(address).contains("a private address");
            assertThat(new AddressRules(false, true).refusal(ip(address))).as(address).isEmpty();
        }
    }

    @Test
    void loopbackIsRefusedUnlessAllowedIncludingMappedForms() throws Exception {
        for (String address : new String[] {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"}) {
            assertThat(AddressRules.PUBLIC_ONLY.refusal(ip(address))).as(address).contains("a loopback address");
            assertThat(new AddressRules(true, false).refusal(ip(address))).as(address).isEmpty();
        }
        assertThat(new AddressRules(true, false).refusal(ip("::ffff:10.0.0.1"))).contains("a private address");
        assertThat(new AddressRules(true, true).refusal(ip("::ffff:169.254.169.254"))).isPresent();
    }
}
