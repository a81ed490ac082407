package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.port.out.Transactions;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/** Core's transactions on Spring's transaction manager. */
final class JdbcTransactions implements Transactions {

    private final TransactionTemplate template;

    JdbcTransactions(TransactionTemplate template) {
        this.template = template;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
