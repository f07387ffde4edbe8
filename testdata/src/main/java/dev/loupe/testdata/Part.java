package dev.loupe.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** How a kind of part looks when nothing is wrong with it. */
abstract sealed class Part permits Part.Fabric, Part.Washer, Part.Board {

    static Part of(PartKind kind, long layoutSeed) {
        return switch (kind) {
            case FABRIC -> new Fabric(new SplittableRandom(layoutSeed));
            case WASHER -> new Washer();
            case BOARD -> new Board(new SplittableRandom(layoutSeed));
        };
    }

    /** The largest rotation a normal capture shows. */
    abstract float maxAngle();

    /**
     * Paints the part. {@code omit} names a component to leave out (its pixels are marked
     * {@link DefectClass#MISSING}), or is -1.
     */
    abstract void render(Canvas c, Variation v, int omit);

    /** True when (x, y) lies on the part, where defects can occur. */
    abstract boolean onPart(Canvas c, Variation v, float x, float y);

    /** How many components could go missing (0 for parts without any). */
    int components() {
        return 0;
    }

    /** Part coordinates (0..1, centred at 0.5) of image pixel (x, y) under variation v. */
    static float[] toPart(Canvas c, Variation v, float x, float y) {
        float size = Math.min(c.width, c.height);
        float cx = c.width / 2f + v.dx();
        float cy = c.height / 2f + v.dy();
        float px = x + 0.5f - cx;
        float py = y + 0.5f - cy;
        float cos = (float) Math.cos(-v.angle());
        float sin = (float) Math.sin(-v.angle());
        return new float[] {(px * cos - py * sin) / size + 0.5f, (px * sin + py * cos) / size + 0.5f};
    }

    static float smoothstep(float e0, float e1, float x) {
        float t = Math.max(0, Math.min(1, (x - e0) / (e1 - e0)));
        return t * t * (3 - 2 * t);
    }

    /** A plain weave: threads over and under in a checkerboard, with slub (thickness) variation. */
    static final class Fabric extends Part {
        private final float period;
        private final float[] warp;
        private final float[] weft;
        private final float hue;

        Fabric(SplittableRandom layout) {
            period = (float) layout.nextDouble(1 / 22.0, 1 / 14.0);
            warp = new float[64];
            weft = new float[64];
            for (int i = 0; i < 64; i++) {
                warp[i] = (float) layout.nextDouble(0.85, 1.1);
                weft[i] = (float) layout.nextDouble(0.85, 1.1);
            }
            hue = (float) layout.nextDouble(0, 1);
        }

        @Override
        float maxAngle() {
            return 0.06f;
        }

        @Override
        void render(Canvas c, Variation v, int omit) {
            float baseR = 0.55f + 0.2f * hue;
            float baseG = 0.5f;
            float baseB = 0.62f - 0.2f * hue;
            for (int y = 0; y < c.height; y++) {
                for (int x = 0; x < c.width; x++) {
                    float[] p = toPart(c, v, x, y);
                    float u = p[0] / period;
                    float w = p[1] / period;
                    int iu = (int) Math.floor(u);
                    int iw = (int) Math.floor(w);
                    float fu = u - iu;
                    float fw = w - iw;
                    boolean warpOver = ((iu + iw) & 1) == 0;
                    // A thread is brightest along its centre line and dark in the gaps.
                    float warpProfile = (float) Math.sin(Math.PI * fu) * warp[Math.floorMod(iu, 64)];
                    float weftProfile = (float) Math.sin(Math.PI * fw) * weft[Math.floorMod(iw, 64)];
                    float top = warpOver ? warpProfile : weftProfile;
                    float along = warpOver ? (float) Math.sin(Math.PI * fw) : (float) Math.sin(Math.PI * fu);
                    float value = 0.35f + 0.55f * top * (0.8f + 0.2f * along);
                    float sheen = warpOver ? 1.03f : 0.97f;
                    c.set(y * c.width + x, baseR * value * sheen, baseG * value, baseB * value / sheen);
                }
            }
        }

        @Override
        boolean onPart(Canvas c, Variation v, float x, float y) {
            return x >= 2 && y >= 2 && x < c.width - 2 && y < c.height - 2;
        }
    }

    /** A turned steel washer with concentric tool marks and a locating notch, on a dark belt. */
    static final class Washer extends Part {
        static final float OUTER = 0.38f;
        static final float INNER = 0.15f;

        @Override
        float maxAngle() {
            return (float) Math.PI; // round parts arrive at any angle; the notch shows which
        }

        @Override
        void render(Canvas c, Variation v, int omit) {
            float size = Math.min(c.width, c.height);
            float aa = 1.2f / size;
            for (int y = 0; y < c.height; y++) {
                for (int x = 0; x < c.width; x++) {
                    float[] p = toPart(c, v, x, y);
                    float du = p[0] - 0.5f;
                    float dv = p[1] - 0.5f;
                    float rho = (float) Math.sqrt(du * du + dv * dv);
                    float phi = (float) Math.atan2(dv, du);
                    // The belt: dark grey with a faint weave.
                    float belt = 0.16f + 0.02f * (float) Math.sin(p[0] * 180) * (float) Math.sin(p[1] * 170);
                    float notch = (Math.abs(phi) < 0.12f) ? 0.035f : 0f;
                    float outer = OUTER - notch;
                    float coverage = smoothstep(outer + aa, outer - aa, rho) * smoothstep(INNER - aa, INNER + aa, rho);
                    // Anisotropic reflection from turning marks, brightest across the light.
                    float metal = 0.55f + 0.2f * (float) Math.cos(2 * (phi + v.angle() - 0.7f))
                            + 0.05f * (float) Math.sin(rho * size * 2.1f)
                            + 0.08f * smoothstep(OUTER - 0.03f, OUTER - 0.005f, rho); // chamfer
                    float value = belt + (metal - belt) * coverage;
                    c.set(y * c.width + x, value * 0.98f, value, value * 1.04f);
                }
            }
        }

        @Override
        boolean onPart(Canvas c, Variation v, float x, float y) {
            float[] p = toPart(c, v, x, y);
            float rho = (float) Math.hypot(p[0] - 0.5f, p[1] - 0.5f);
            return rho > INNER + 0.03f && rho < OUTER - 0.05f;
        }
    }

    /** A board with a fixed layout of traces, pads and chip components. */
    static final class Board extends Part {
        /** A rectangle in part coordinates. */
        record Rect(float u0, float v0, float u1, float v1) {
            boolean contains(float u, float v) {
                return u >= u0 && u < u1 && v >= v0 && v < v1;
            }
        }

        private final List<Rect> components = new ArrayList<>();
        private final List<Rect> pads = new ArrayList<>();
        private final List<Rect> traces = new ArrayList<>();

        Board(SplittableRandom layout) {
            for (int i = 0; i < 14; i++) {
                boolean horizontal = layout.nextBoolean();
                float a = (float) layout.nextDouble(0.1, 0.9);
                float s = (float) layout.nextDouble(0.05, 0.5);
                float e = s + (float) layout.nextDouble(0.2, 0.45);
                float t = 0.008f;
                traces.add(horizontal ? new Rect(s, a - t, e, a + t) : new Rect(a - t, s, a + t, e));
            }
            // Components on a coarse grid so that they never overlap.
            for (int gy = 0; gy < 3; gy++) {
                for (int gx = 0; gx < 3; gx++) {
                    if (layout.nextDouble() < 0.25) {
                        continue;
                    }
                    float w = (float) layout.nextDouble(0.08, 0.16);
                    float h = (float) layout.nextDouble(0.06, 0.12);
                    float u = 0.12f + gx * 0.28f + (float) layout.nextDouble(0, 0.2 - w / 2);
                    float v = 0.12f + gy * 0.28f + (float) layout.nextDouble(0, 0.2 - h / 2);
                    Rect body = new Rect(u, v, u + w, v + h);
                    components.add(body);
                    pads.add(new Rect(u - 0.02f, v + h * 0.2f, u + w + 0.02f, v + h * 0.8f));
                }
            }
        }

        @Override
        float maxAngle() {
            return 0.05f;
        }

        @Override
        int components() {
            return components.size();
        }

        @Override
        void render(Canvas c, Variation v, int omit) {
            for (int y = 0; y < c.height; y++) {
                for (int x = 0; x < c.width; x++) {
                    float[] p = toPart(c, v, x, y);
                    float u = p[0];
                    float w = p[1];
                    int i = y * c.width + x;
                    // Solder mask green, with fibre-glass texture.
                    float tex = 0.03f * (float) Math.sin(u * 300 + w * 40) * (float) Math.sin(w * 260);
                    float r = 0.08f + tex;
                    float g = 0.36f + tex;
                    float b = 0.16f + tex;
                    for (Rect t : traces) {
                        if (t.contains(u, w)) {
                            r = 0.2f;
                            g = 0.5f;
                            b = 0.22f;
                        }
                    }
                    for (int k = 0; k < components.size(); k++) {
                        if (pads.get(k).contains(u, w) && !components.get(k).contains(u, w)) {
                            if (k == omit) {
                                // bare pads where the part should have been soldered
                                r = 0.72f;
                                g = 0.6f;
                                b = 0.35f;
                                c.mark(i, DefectClass.MISSING);
                            } else {
                                r = 0.78f;
                                g = 0.78f;
                                b = 0.74f;
                            }
                        }
                        if (components.get(k).contains(u, w)) {
                            if (k == omit) {
                                c.mark(i, DefectClass.MISSING);
                            } else {
                                Rect body = components.get(k);
                                float edge = Math.min(Math.min(u - body.u0(), body.u1() - u), Math.min(w - body.v0(), body.v1() - w));
                                float bevel = edge < 0.006f ? 0.25f : 0.12f;
                                r = bevel;
                                g = bevel;
                                b = bevel + 0.01f;
                            }
                        }
                    }
                    boolean mountingHole = Math.hypot(u - 0.06, w - 0.06) < 0.025 || Math.hypot(u - 0.94, w - 0.94) < 0.025;
                    if (mountingHole) {
                        r = 0.85f;
                        g = 0.8f;
                        b = 0.6f;
                    }
                    c.set(i, r, g, b);
                }
            }
        }

        @Override
        boolean onPart(Canvas c, Variation v, float x, float y) {
            return x >= 3 && y >= 3 && x < c.width - 3 && y < c.height - 3;
        }
    }
}
