package dev.loupe.engine.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalibrationTest {
    @Test
    void separableScoresGetAThresholdInTheGapAtHalf() {
        Calibration c = Calibration.fit(new double[] {1, 2, 3}, new double[] {7, 8, 9});
        assertEquals(Calibration.MAX_F1, c.rule());
        assertTrue(c.threshold() > 3 && c.threshold() < 7, "threshold " + c.threshold());
        assertEquals(0.5, c.normalise(c.threshold()), 1e-12);
        assertTrue(c.isAnomalous(7));
        assertFalse(c.isAnomalous(3));
        assertTrue(c.normalise(9) > 0.9);
        assertTrue(c.normalise(1) < 0.1);
    }

    @Test
    void normalScoresHuddledNearZeroDoNotSaturateTheConfidence() {
        // A segmentation model's image scores: normal ones all about 0.001, anomalies near 1.
        Calibration c = Calibration.fit(new double[] {0.0010, 0.0011, 0.0009, 0.0010}, new double[] {0.6, 0.9, 0.95});
        assertEquals(0.047, c.normalise(0.0010), 0.001, "the median normal image reads about 0.05, not 0");
        double justAbove = c.threshold() + 0.01;
        assertTrue(c.normalise(justAbove) < 0.6, "a verdict at the threshold is not certain: " + c.normalise(justAbove));
        assertTrue(c.normalise(0.95) > 0.9);
    }

    @Test
    void overlappingScoresMaximiseF1() {
        // Best F1 calls 5 and above anomalous: TP 3, FP 1 -> F1 0.857 (calling 4.5 up adds nothing).
        Calibration c = Calibration.fit(new double[] {1, 2, 3, 6}, new double[] {5, 7, 8});
        assertTrue(c.threshold() > 3 && c.threshold() <= 5, "threshold " + c.threshold());
    }

    @Test
    void normalOnlyUsesTheRobustTailAndKeepsEveryNormalNormal() {
        double[] normal = {1.0, 1.1, 0.9, 1.05, 0.95, 1.0, 3.0};
        Calibration c = Calibration.fit(normal, new double[0]);
        assertEquals(Calibration.NORMAL_TAIL, c.rule());
        assertTrue(c.threshold() > 3.0, "the outlying normal stays normal: " + c.threshold());
        Calibration tight = Calibration.fit(new double[] {1.0, 1.1, 0.9, 1.05, 0.95, 1.0}, new double[0]);
        assertTrue(tight.threshold() > 1.1 && tight.threshold() < 1.5, "median + 3 robust sd: " + tight.threshold());
    }

    @Test
    void degenerateInputsStillGiveAUsableCalibration() {
        Calibration same = Calibration.fit(new double[] {2, 2, 2}, new double[0]);
        assertTrue(same.scale() > 0);
        assertTrue(same.threshold() > 2);
        Calibration single = Calibration.fit(new double[] {5}, new double[] {5});
        assertTrue(single.isAnomalous(5), "all-equal scores: calling everything anomalous maximises F1");
        assertThrows(IllegalArgumentException.class, () -> Calibration.fit(new double[0], new double[] {1}));
    }

    @Test
    void aCallerMayMoveTheThreshold() {
        Calibration c = Calibration.fit(new double[] {1, 2, 3}, new double[] {7, 8, 9}).withThreshold(8.5);
        assertFalse(c.isAnomalous(8));
        assertEquals(0.5, c.normalise(8.5), 1e-12);
    }
}
