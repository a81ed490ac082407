package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.contract.JobType;
import dev.campaignstudio.core.contract.ModeCatalog;
import dev.campaignstudio.core.contract.OutputMode;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.port.in.FindJobs;
import dev.campaignstudio.core.port.out.JobPage;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's home: jobs newest first, filtered and paged on the server, their status kept current while any runs. */
@Controller
@RequestMapping("/console")
class JobListController {

    static final int PAGE_SIZE = 25;

    private final FindJobs jobs;
    private final ModeCatalog modes;
    private final Clock clock;

    JobListController(FindJobs jobs, PipelineRouter router, Clock clock) {
        this.jobs = jobs;
        this.modes = router.modes();
        this.clock = clock;
    }

    @GetMapping({"", "/"})
    String home() {
        return "redirect:/console/jobs";
    }

    @GetMapping("/jobs")
    String jobs(
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "job_type", required = false) String type,
            @RequestParam(name = "mode", required = false) String mode,
            @RequestParam(name = "product_id", required = false) String product,
            @RequestParam(name = "before", required = false) String before,
            Model model) {
        fill(model, JobFilters.of(status, type, mode, product, before, modes));
        model.addAttribute(
                "statuses",
                Arrays.stream(JobStatus.values()).map(WireEnum::wire).toList());
        model.addAttribute(
                "types", Arrays.stream(JobType.values()).map(WireEnum::wire).toList());
        model.addAttribute("modes", modes.modes().stream().map(OutputMode::wire).toList());
        return "console/jobs";
    }

    /** The table body alone, for the page's live refresh. */
    @GetMapping("/jobs/rows")
    String rows(
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "job_type", required = false) String type,
            @RequestParam(name = "mode", required = false) String mode,
            @RequestParam(name = "product_id", required = false) String product,
            @RequestParam(name = "before", required = false) String before,
            Model model) {
        fill(model, JobFilters.of(status, type, mode, product, before, modes));
        return "console/jobs :: rows";
    }

    private void fill(Model model, JobFilters filters) {
        JobPage page = jobs.jobs(filters.query(PAGE_SIZE, modes));
        Instant now = clock.instant();
        List<JobRow> rows = page.jobs().stream().map(job -> JobRow.of(job, now)).toList();
        model.addAttribute("filters", filters);
        model.addAttribute("rows", rows);
        model.addAttribute("live", rows.stream().anyMatch(JobRow::live));
        model.addAttribute(
                "older",
                page.next() == null
                        ? null
                        : filters.link("/console/jobs", page.next().value()));
        model.addAttribute("newest", filters.before().isEmpty() ? null : filters.link("/console/jobs", null));
        model.addAttribute("refresh", filters.link("/console/jobs/rows", filters.before()));
    }
}
