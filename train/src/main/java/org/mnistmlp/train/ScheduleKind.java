package org.mnistmlp.train;

import picocli.CommandLine.ITypeConverter;

/** The learning-rate schedules {@code --schedule} offers. */
enum ScheduleKind implements Choice {
    CONSTANT("constant"),
    STEP("step"),
    COSINE("cosine"),
    WARMUP_COSINE("warmup-cosine"),
    ONE_CYCLE("one-cycle");

    private final String id;

    ScheduleKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** Whether the schedule starts with a rising stretch ({@code --warmup-epochs}). */
    boolean warmsUp() {
        return this == WARMUP_COSINE || this == ONE_CYCLE;
    }

    static final class Converter implements ITypeConverter<ScheduleKind> {
        @Override
        public ScheduleKind convert(String value) {
            return Choice.parse(values(), value, "schedule");
        }
    }
}
