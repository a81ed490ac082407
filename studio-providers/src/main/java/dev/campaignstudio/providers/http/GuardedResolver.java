package dev.campaignstudio.providers.http;

import dev.campaignstudio.core.outbound.AddressRules;
import dev.campaignstudio.core.port.out.OutboundGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves with the system resolver, then refuses the lot if any address breaks the rules. Used as the connection's
 * own resolver, it makes the address judged the address connected to. A refusal says only that the host is not
 * allowed: what it resolves to is for the operator's debug log, never for the caller (an address oracle).
 */
final class GuardedResolver implements DnsResolver {

    private static final System.Logger log = System.getLogger(GuardedResolver.class.getName());

    private final AddressRules rules;

    GuardedResolver(AddressRules rules) {
        this.rules = rules;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        for (InetAddress address : addresses) {
            Optional<String> refusal = rules.refusal(address);
            if (refusal.isPresent()) {
                log.log(
                        System.Logger.Level.DEBUG,
                        "outbound request to {0} refused: it resolves to {1}",
                        host,
                        refusal.get());
                throw new RefusedAddressException(OutboundGuard.NOT_ALLOWED);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    /** A host that resolves to an address the outbound rules refuse. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }
}
