package dev.campaignstudio.server.adapter.in.rest;

import java.util.List;

/**
 * A page of {@code GET /v1/jobs}.
 *
 * @param items      jobs, newest first
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page
 */
public record JobPageResource(List<JobSummary> items, String nextCursor) {}
