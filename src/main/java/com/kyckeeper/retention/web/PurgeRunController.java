package com.kyckeeper.retention.web;

import com.kyckeeper.retention.PurgeRun;
import com.kyckeeper.retention.PurgeRuns;
import com.kyckeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Purge runs (api.md, Retention): queued with 202, then read until COMPLETED; the certificate after. */
@RestController
@RequestMapping("/api/v1/retention/purge-runs")
class PurgeRunController {

    record RequestRun(Boolean dryRun) {
    }

    private final PurgeRuns runs;

    PurgeRunController(PurgeRuns runs) {
        this.runs = runs;
    }

    @PostMapping
    ResponseEntity<PurgeRun> request(@RequestBody RequestRun body) {
        if (body.dryRun() == null) {
            throw new InvalidInputException("dryRun", "is required (true or false)");
        }
        PurgeRun run = runs.request(body.dryRun());
        return ResponseEntity.accepted().location(URI.create("/api/v1/retention/purge-runs/" + run.id())).body(run);
    }

    @GetMapping("/{id}")
    PurgeRun get(@PathVariable String id) {
        return runs.get(id);
    }

    /** Streamed: a run of a million customers lists a million ids without holding them in memory. */
    @GetMapping("/{id}/certificate")
    void certificate(@PathVariable String id, HttpServletResponse response) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        runs.writeCertificate(id, response.getOutputStream());
    }
}
