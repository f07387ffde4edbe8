package dev.loupe.testdata;

import java.util.SplittableRandom;

/**
 * Paints surface defects onto a rendered part and marks their pixels in the mask. A pixel is
 * marked when the defect visibly changes it (for soft stains: when the stain covers more than a
 * third of it), so the mask is the ground truth a careful annotator would draw.
 */
final class DefectPainter {
    private final Part part;

    DefectPainter(Part part) {
        this.part = part;
    }

    /** Paints one defect of class {@code d} (not MISSING, which the part renders itself). */
    void paint(Canvas c, Variation v, DefectClass d, SplittableRandom random) {
        float[] at = pointOnPart(c, v, random);
        float size = Math.min(c.width, c.height);
        switch (d) {
            case SCRATCH -> scratch(c, v, at, size, random);
            case HOLE -> hole(c, at, size, random);
            case CRACK -> crack(c, v, at, size, random);
            case STAIN -> stain(c, v, at, size, random);
            case MISSING -> throw new IllegalArgumentException("missing components are rendered by the part");
        }
    }

    private float[] pointOnPart(Canvas c, Variation v, SplittableRandom random) {
        for (int tries = 0; tries < 10_000; tries++) {
            float x = (float) random.nextDouble(c.width * 0.1, c.width * 0.9);
            float y = (float) random.nextDouble(c.height * 0.1, c.height * 0.9);
            if (part.onPart(c, v, x, y)) {
                return new float[] {x, y};
            }
        }
        throw new IllegalStateException("no room for a defect on a " + c.width + "x" + c.height + " part");
    }

    /** A curved line, lighter (a bright groove) or darker, 1 to 2 pixels wide. */
    private void scratch(Canvas c, Variation v, float[] start, float size, SplittableRandom random) {
        double angle = random.nextDouble(0, Math.PI * 2);
        double length = random.nextDouble(0.2, 0.4) * size;
        double bend = random.nextDouble(-0.3, 0.3) * length;
        float width = (float) random.nextDouble(0.7, 1.3) * Math.max(1f, size / 160f);
        boolean bright = random.nextBoolean();
        float x0 = start[0];
        float y0 = start[1];
        float x2 = (float) (x0 + Math.cos(angle) * length);
        float y2 = (float) (y0 + Math.sin(angle) * length);
        float x1 = (float) ((x0 + x2) / 2 - Math.sin(angle) * bend);
        float y1 = (float) ((y0 + y2) / 2 + Math.cos(angle) * bend);
        int steps = (int) (length * 3);
        for (int s = 0; s <= steps; s++) {
            float t = s / (float) steps;
            float x = (1 - t) * (1 - t) * x0 + 2 * (1 - t) * t * x1 + t * t * x2;
            float y = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * y1 + t * t * y2;
            if (!part.onPart(c, v, x, y)) {
                continue;
            }
            stamp(c, x, y, width, bright ? 1.6f : 0.45f, DefectClass.SCRATCH);
        }
    }

    /** A pit: dark inside, with a lit rim towards the light (top-left). */
    private void hole(Canvas c, float[] at, float size, SplittableRandom random) {
        float radius = (float) random.nextDouble(0.025, 0.06) * size;
        float squash = (float) random.nextDouble(0.7, 1.0);
        int r = (int) Math.ceil(radius + 2);
        for (int y = (int) at[1] - r; y <= at[1] + r; y++) {
            for (int x = (int) at[0] - r; x <= at[0] + r; x++) {
                if (!c.inside(x, y)) {
                    continue;
                }
                float dx = (x + 0.5f - at[0]) / radius;
                float dy = (y + 0.5f - at[1]) / (radius * squash);
                float d = (float) Math.sqrt(dx * dx + dy * dy);
                int i = y * c.width + x;
                if (d < 1) {
                    float depth = 0.25f + 0.35f * d * d;
                    float lit = 1 + 0.5f * Math.max(0, (dx + dy) / 1.4f) * d;
                    c.shade(i, depth * lit);
                    c.mark(i, DefectClass.HOLE);
                } else if (d < 1.25f) {
                    float rim = 1 + 0.35f * Math.max(0, -(dx + dy) / (1.4f * d)) * (1.25f - d) * 4;
                    c.shade(i, rim);
                }
            }
        }
    }

    /** A branching random walk of dark, narrow fissures. */
    private void crack(Canvas c, Variation v, float[] at, float size, SplittableRandom random) {
        double heading = random.nextDouble(0, Math.PI * 2);
        walk(c, v, at[0], at[1], heading, random.nextDouble(0.2, 0.35) * size, size, random, 2);
    }

    private void walk(Canvas c, Variation v, float x, float y, double heading, double length, float size,
                      SplittableRandom random, int branches) {
        float width = Math.max(0.8f, size / 200f);
        float step = 0.7f;
        for (double travelled = 0; travelled < length; travelled += step) {
            heading += random.nextDouble(-0.35, 0.35);
            x += (float) Math.cos(heading) * step;
            y += (float) Math.sin(heading) * step;
            if (!part.onPart(c, v, x, y)) {
                return;
            }
            float taper = (float) (1 - 0.5 * travelled / length);
            stamp(c, x, y, width * taper, 0.3f, DefectClass.CRACK);
            if (branches > 0 && random.nextDouble() < 0.012) {
                walk(c, v, x, y, heading + random.nextDouble(0.5, 1.1) * (random.nextBoolean() ? 1 : -1),
                        (length - travelled) * 0.5, size, random, branches - 1);
            }
        }
    }

    /** A soft-edged irregular blob of discolouration (oil, rust or dirt). */
    private void stain(Canvas c, Variation v, float[] at, float size, SplittableRandom random) {
        int lobes = 3 + random.nextInt(4);
        float[][] lobe = new float[lobes][3];
        float scale = (float) random.nextDouble(0.05, 0.1) * size;
        for (float[] l : lobe) {
            l[0] = at[0] + (float) random.nextDouble(-1, 1) * scale;
            l[1] = at[1] + (float) random.nextDouble(-1, 1) * scale;
            l[2] = (float) random.nextDouble(0.5, 1.0) * scale;
        }
        float[] tone = switch (random.nextInt(3)) {
            case 0 -> new float[] {0.45f, 0.3f, 0.12f}; // rust
            case 1 -> new float[] {0.12f, 0.11f, 0.1f}; // oil
            default -> new float[] {0.6f, 0.55f, 0.4f}; // dust
        };
        float strength = (float) random.nextDouble(0.55, 0.8);
        int reach = (int) (scale * 3);
        for (int y = (int) at[1] - reach; y <= at[1] + reach; y++) {
            for (int x = (int) at[0] - reach; x <= at[0] + reach; x++) {
                if (!c.inside(x, y) || !part.onPart(c, v, x, y)) {
                    continue;
                }
                float field = 0;
                for (float[] l : lobe) {
                    float dx = x + 0.5f - l[0];
                    float dy = y + 0.5f - l[1];
                    field += (float) Math.exp(-(dx * dx + dy * dy) / (2 * l[2] * l[2]));
                }
                float alpha = Part.smoothstep(0.3f, 0.8f, field) * strength;
                if (alpha <= 0) {
                    continue;
                }
                int i = y * c.width + x;
                c.blend(i, tone[0], tone[1], tone[2], alpha);
                if (alpha > strength / 3) {
                    c.mark(i, DefectClass.STAIN);
                }
            }
        }
    }

    /** A round brush: scales brightness by {@code factor} within {@code radius}, marks the pixels. */
    private static void stamp(Canvas c, float x, float y, float radius, float factor, DefectClass d) {
        int r = (int) Math.ceil(radius);
        for (int yy = (int) Math.floor(y) - r; yy <= y + r; yy++) {
            for (int xx = (int) Math.floor(x) - r; xx <= x + r; xx++) {
                if (!c.inside(xx, yy)) {
                    continue;
                }
                float d2 = (xx + 0.5f - x) * (xx + 0.5f - x) + (yy + 0.5f - y) * (yy + 0.5f - y);
                if (d2 <= radius * radius && c.mask[yy * c.width + xx] != d.ordinal() + 1) {
                    int i = yy * c.width + xx;
                    if (factor > 1) {
                        c.blend(i, 0.95f, 0.95f, 0.95f, 0.7f);
                    } else {
                        c.shade(i, factor);
                    }
                    c.mark(i, d);
                }
            }
        }
    }
}
