package io.flightdeck.model;

import java.util.Arrays;

/** A measured value over time: parallel arrays of epoch nanoseconds and values, sorted by time. */
public final class TimeSeries {
    /** What the values are; part of the series' identity so no value is unit-less. */
    public enum Unit { RATIO, BYTES, COUNT, BYTES_PER_SECOND }

    private final String name;
    private final Unit unit;
    private final long[] times;
    private final double[] values;

    public TimeSeries(String name, Unit unit, long[] times, double[] values) {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        this.name = name;
        this.unit = unit;
        this.times = times;
        this.values = values;
    }

    public String name() {
        return name;
    }

    public Unit unit() {
        return unit;
    }

    public int size() {
        return times.length;
    }

    public long timeNanos(int i) {
        return times[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** Collects points in any order and sorts them by time on {@link #build()}. */
    public static final class Builder {
        private final String name;
        private final Unit unit;
        private long[] times = new long[64];
        private double[] values = new double[64];
        private int size;

        public Builder(String name, Unit unit) {
            this.name = name;
            this.unit = unit;
        }

        public void add(long timeNanos, double value) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = timeNanos;
            values[size] = value;
            size++;
        }

        public void addAll(TimeSeries other) {
            for (int i = 0; i < other.size(); i++) {
                add(other.timeNanos(i), other.value(i));
            }
        }

        public TimeSeries build() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = times[i - 1] <= times[i];
            }
            if (sorted) {
                return new TimeSeries(name, unit, Arrays.copyOf(times, size), Arrays.copyOf(values, size));
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
            long[] t = new long[size];
            double[] v = new double[size];
            for (int i = 0; i < size; i++) {
                t[i] = times[order[i]];
                v[i] = values[order[i]];
            }
            return new TimeSeries(name, unit, t, v);
        }
    }
}
