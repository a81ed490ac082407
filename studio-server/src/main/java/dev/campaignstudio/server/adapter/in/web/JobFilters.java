package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.contract.JobType;
import dev.campaignstudio.core.contract.ModeCatalog;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.port.out.JobQuery;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The jobs page's filters and position, as the query string carries them. A value that names nothing (an unknown
 * status, a malformed cursor) is dropped and reported, so a bad link still shows a page.
 *
 * @param status  status, or empty
 * @param type    job type, or empty
 * @param mode    output mode, or empty
 * @param product product id, or empty
 * @param before  cursor: list jobs older than this one, or empty
 * @param problems what was dropped, in words
 */
public record JobFilters(
        String status, String type, String mode, String product, String before, List<String> problems) {

    static JobFilters of(String status, String type, String mode, String product, String before, ModeCatalog modes) {
        List<String> problems = new ArrayList<>();
        status = known(status, s -> WireEnum.parse(JobStatus.class, s).isPresent(), "status", problems);
        type = known(type, t -> WireEnum.parse(JobType.class, t).isPresent(), "job type", problems);
        mode = known(mode, m -> modes.mode(m).isPresent(), "mode", problems);
        product = product == null || product.isBlank() ? "" : product.trim();
        if (product.length() > 128) {
            problems.add("a product id has at most 128 characters");
            product = "";
        }
        before = known(before, JobId::isValid, "page position", problems);
        return new JobFilters(status, type, mode, product, before, List.copyOf(problems));
    }

    private static String known(
            String value, java.util.function.Predicate<String> valid, String what, List<String> problems) {
        if (value == null || value.isBlank()) {
            return "";
        }
        if (!valid.test(value.trim())) {
            problems.add("there is no " + what + " '" + (value.length() > 40 ? value.substring(0, 40) + "..." : value)
                    + "'");
            return "";
        }
        return value.trim();
    }

    JobQuery query(int limit, ModeCatalog modes) {
        return new JobQuery(
                status.isEmpty() ? null : WireEnum.require(JobStatus.class, status),
                type.isEmpty() ? null : WireEnum.require(JobType.class, type),
                mode.isEmpty() ? null : modes.mode(mode).orElse(null),
                product.isEmpty() ? null : product,
                before.isEmpty() ? null : new JobId(before),
                limit);
    }

    /** The jobs page with these filters, from the newest job, or older than {@code cursor} when it is given. */
    public String link(String path, String cursor) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        add(uri, "status", status);
        add(uri, "job_type", type);
        add(uri, "mode", mode);
        add(uri, "product_id", product);
        add(uri, "before", cursor);
        return uri.encode().build().toUriString();
    }

    /** Whether any filter is set. */
    public boolean filtered() {
        return !(status.isEmpty() && type.isEmpty() && mode.isEmpty() && product.isEmpty());
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
        if (value != null && !value.isEmpty()) {
            uri.queryParam(name, value);
        }
    }
}
