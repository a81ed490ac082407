package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.port.in.CancelJob;
import dev.campaignstudio.core.port.in.CancelOutcome;
import dev.campaignstudio.core.port.in.FindJobs;
import dev.campaignstudio.server.adapter.in.web.JobPageView.FidelityGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A job's page: its steps on a time line, scenes, fidelity checks, outputs and events; cancel and retry. */
@Controller
@RequestMapping("/console/jobs/{id}")
class JobPageController {

    private final FindJobs jobs;
    private final CancelJob cancels;
    private final JobViews views;
    private final ConsoleSubmissions submissions;

    JobPageController(FindJobs jobs, CancelJob cancels, JobViews views, ConsoleSubmissions submissions) {
        this.jobs = jobs;
        this.cancels = cancels;
        this.views = views;
        this.submissions = submissions;
    }

    @GetMapping
    String page(@PathVariable("id") String id, Model model) {
        fill(model, job(id));
        return "console/job";
    }

    /** The page's changing part, fetched again when the live stream says the job changed. */
    @GetMapping("/panel")
    String panel(@PathVariable("id") String id, Model model) {
        fill(model, job(id));
        return "console/job :: panel";
    }

    @GetMapping("/fidelity")
    String fidelity(
            @PathVariable("id") String id,
            @RequestParam("stage") String stage,
            @RequestParam(name = "scene", required = false) Integer scene,
            Model model) {
        Job job = job(id);
        JobPageView view = views.page(job);
        List<FidelityGroup> groups = view.fidelity().stream()
                .filter(g -> g.stage().equals(stage) && java.util.Objects.equals(g.sceneOrder(), scene))
                .toList();
        if (groups.isEmpty()) {
            throw new NotFound(
                    "job " + id + " has no fidelity checks at " + stage + (scene == null ? "" : " scene " + scene));
        }
        model.addAttribute("job", view.job());
        model.addAttribute("groups", groups);
        return "console/fidelity";
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable("id") String id, RedirectAttributes flash) {
        CancelOutcome outcome = cancels.cancel(job(id).id());
        flash.addFlashAttribute(
                "notice",
                outcome instanceof CancelOutcome.Accepted
                        ? "Cancellation asked for: no new step starts, and the job ends cancelled once no step runs."
                        : "The job had already ended; nothing was cancelled.");
        return "redirect:/console/jobs/" + id;
    }

    @PostMapping("/retry")
    String retry(
            @PathVariable("id") String id,
            @RequestParam("stage") String stage,
            @RequestParam(name = "scene_order", required = false) String scene,
            @RequestParam(name = "prompt", required = false) String prompt,
            @RequestParam("idempotency_key") String key,
            Model model) {
        Job job = job(id);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "retry");
        tree.put("idempotency_key", key);
        tree.put("job_id", job.id().value());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("stage", stage);
        if (scene != null && !scene.isBlank()) {
            target.put("scene_order", FormValues.number(scene));
        }
        tree.put("target", target);
        if (prompt != null && !prompt.isBlank()) {
            tree.put("prompt", prompt);
        }
        ConsoleSubmissions.Result result = submissions.submit(tree);
        if (result instanceof ConsoleSubmissions.Accepted accepted) {
            return "redirect:/console/jobs/" + accepted.jobId();
        }
        fill(model, job);
        model.addAttribute(
                "retryErrors",
                ((ConsoleSubmissions.Refused) result)
                        .violations().stream()
                                .map(v -> (v.pointer().isEmpty()
                                                ? ""
                                                : v.pointer().substring(1).replace('/', ' ') + ": ")
                                        + v.message())
                                .toList());
        return "console/job";
    }

    private void fill(Model model, Job job) {
        model.addAttribute("view", views.page(job));
        model.addAttribute("retryKey", ConsoleSubmissions.newKey());
    }

    private Job job(String id) {
        if (!JobId.isValid(id)) {
            throw new NotFound("there is no job '" + (id.length() > 64 ? id.substring(0, 64) + "..." : id) + "'");
        }
        return jobs.job(new JobId(id)).orElseThrow(() -> new NotFound("there is no job '" + id + "'"));
    }
}
