package dev.loupe.engine.network;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * A learning rate that falls from {@code base} to zero along half a cosine over {@code steps}
 * optimisation steps, then stays at zero.
 *
 * <p>Why: at a constant rate the last epochs keep jumping around the optimum, and which jump the
 * run happens to end on decides the model (on our small sets the epoch losses swung by a factor
 * of two until the end). Decaying to zero lets training settle; ND4J's schedules offer
 * polynomial and step decays, not this one. Segmentation training uses it (cookie "cracked" AIOU
 * 0.641 to 0.653); classification training, measured with it over three seeds, did no better and
 * keeps its constant rate (see docs/benchmarks.md). Immutable, so {@link #clone()} is itself.
 *
 * @param base  the rate at the first step
 * @param steps the optimisation steps of the whole run
 */
public record CosineDecay(double base, int steps) implements ISchedule {
    public CosineDecay {
        if (!(base > 0) || steps < 1) {
            throw new IllegalArgumentException("cosine decay needs a positive rate and steps, got " + base + ", " + steps);
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double done = Math.min(1.0, Math.max(0, iteration) / (double) steps);
        return base * 0.5 * (1 + Math.cos(Math.PI * done));
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}
