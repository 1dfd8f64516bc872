package com.kyckeeper.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out on the server for an inline SVG (no script, no style attribute: colours come
 * from app.css classes). The same points feed the table that is the chart's text alternative.
 */
record BarChart(String id, int width, int height, int max, List<Bar> bars, List<Tick> ticks) {

    static final int LEFT = 36;
    static final int RIGHT = 8;
    static final int TOP = 10;
    static final int BOTTOM = 34;

    /** One value; {@code label} is shown under the bar when {@code labelled}. */
    record Bar(String label, long value, int x, int y, int w, int h, boolean labelled, int labelX) {
    }

    record Tick(long value, int y) {
    }

    record Point(String label, long value) {
    }

    /** Lays the points out in {@code width} x {@code height}; every {@code labelEvery}-th bar gets its label. */
    static BarChart of(String id, List<Point> points, int width, int height, int labelEvery) {
        long top = Math.max(1, points.stream().mapToLong(Point::value).max().orElse(0));
        int max = (int) niceCeiling(top);
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        int n = Math.max(1, points.size());
        double slot = (double) plotW / n;
        int barW = Math.max(2, (int) Math.floor(slot * 0.7));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            int h = (int) Math.round((double) p.value() * plotH / max);
            int x = LEFT + (int) Math.round(i * slot + (slot - barW) / 2);
            bars.add(new Bar(p.label(), p.value(), x, TOP + plotH - h, barW, h,
                    labelEvery > 0 && (i % labelEvery == 0 || i == points.size() - 1), x + barW / 2));
        }
        List<Tick> ticks = new ArrayList<>();
        int steps = max <= 4 ? max : 4;
        for (int s = 0; s <= steps; s++) {
            long v = (long) max * s / steps;
            ticks.add(new Tick(v, TOP + plotH - (int) Math.round((double) v * plotH / max)));
        }
        return new BarChart(id, width, height, max, bars, ticks);
    }

    public int baseline() {
        return height - BOTTOM;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return width - RIGHT;
    }

    public int labelY() {
        return height - BOTTOM + 16;
    }

    public long total() {
        return bars.stream().mapToLong(Bar::value).sum();
    }

    /** 1, 2, 5 × 10^n at or above {@code v}, so that ticks are round numbers. */
    static long niceCeiling(long v) {
        long base = 1;
        while (true) {
            for (long m : new long[] {1, 2, 4, 5, 10}) {
                if (base * m >= v) {
                    return base * m;
                }
            }
            base *= 10;
        }
    }
}
