package com.kyckeeper.transaction;

import java.util.List;

/** One page of due-diligence cases and the number of cases matching the query on all pages. */
public record CasePage(List<DueDiligenceCase> cases, long total, int page, int size) {

    public CasePage {
        cases = List.copyOf(cases);
    }

    /** Pages in all (at least 1, so an empty queue is "page 1 of 1"). */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
