package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Limits;
import dev.campaignstudio.core.contract.ModeCatalog;
import dev.campaignstudio.core.contract.ModeRules;
import dev.campaignstudio.core.contract.OutputMode;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.port.in.UploadAsset;
import dev.campaignstudio.core.port.in.UploadOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The new-job form: photos uploaded through the upload use case, the rest sent as a job request through the same
 * reader and submission use case as the API; each mode's settings show the bounds and defaults of the router's mode
 * catalog, and the service's violations come back next to their fields.
 */
@Controller
@RequestMapping("/console/new")
class NewJobController {

    private final UploadAsset uploads;
    private final ConsoleSubmissions submissions;
    private final ModeCatalog modes;

    NewJobController(UploadAsset uploads, ConsoleSubmissions submissions, PipelineRouter router) {
        this.uploads = uploads;
        this.submissions = submissions;
        this.modes = router.modes();
    }

    @GetMapping
    String form(
            @RequestParam(name = "mode", required = false) String mode,
            @RequestParam(name = "product_id", required = false) String product,
            Model model) {
        JobForm form = JobForm.blank(modes.mode(mode == null ? "" : mode)
                .orElse(OutputMode.FAST_VIDEO)
                .wire());
        if (product != null) {
            form.values().put("product_id", product);
        }
        fill(model, form, Map.of());
        return "console/new";
    }

    /** The settings of the chosen mode, with what was typed so far. */
    @GetMapping("/settings")
    String settings(@RequestParam MultiValueMap<String, String> params, Model model) {
        fill(model, new JobForm(params), Map.of());
        return "console/new :: settings";
    }

    @PostMapping
    String submit(
            @RequestParam MultiValueMap<String, String> params,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            Model model)
            throws IOException {
        JobForm form = new JobForm(params);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<String> images = new ArrayList<>(form.kept());
        for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
            if (photo.isEmpty()) {
                continue;
            }
            UploadOutcome outcome = uploads.upload(photo.getBytes());
            if (outcome instanceof UploadOutcome.Stored stored) {
                images.add("asset:" + stored.asset().id().value());
            } else {
                errors.computeIfAbsent("photos", k -> new ArrayList<>())
                        .add(name(photo) + ": " + ((UploadOutcome.Refused) outcome).message());
            }
        }
        form.kept().clear();
        form.kept().addAll(images);
        ConsoleSubmissions.Result result = submissions.submit(form.tree(images));
        if (result instanceof ConsoleSubmissions.Accepted accepted && errors.isEmpty()) {
            return "redirect:/console/jobs/" + accepted.jobId();
        }
        if (result instanceof ConsoleSubmissions.Refused refused) {
            JobForm.byField(refused.violations()).forEach((field, messages) -> {
                if (!(field.equals("photos") && errors.containsKey("photos"))) {
                    errors.computeIfAbsent(field, k -> new ArrayList<>()).addAll(messages);
                }
            });
        }
        fill(model, form, errors);
        return "console/new";
    }

    private void fill(Model model, JobForm form, Map<String, List<String>> errors) {
        OutputMode mode = modes.mode(form.value("mode")).orElse(OutputMode.FAST_VIDEO);
        ModeRules rules = modes.rules(mode);
        model.addAttribute("form", form.values());
        model.addAttribute("output", form.isOutput());
        model.addAttribute("kept", form.kept());
        model.addAttribute("checkedAspects", form.aspects());
        model.addAttribute("errors", errors);
        model.addAttribute("modes", modes.modes().stream().map(OutputMode::wire).toList());
        model.addAttribute("mode", mode.wire());
        model.addAttribute("rules", rules);
        model.addAttribute("aspects", spellings(Aspect.class));
        model.addAttribute("presentations", spellings(Presentation.class));
        model.addAttribute("styles", spellings(Style.class));
        model.addAttribute("maxAttempts", Limits.MAX_ATTEMPTS_MAX);
        model.addAttribute("maxImages", Limits.IMAGES_MAX);
    }

    private static <E extends Enum<E> & WireEnum> List<String> spellings(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).toList();
    }

    private static String name(MultipartFile photo) {
        String name = photo.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "a photo";
        }
        String plain = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return plain.length() > 60 ? plain.substring(0, 60) + "..." : plain;
    }
}
