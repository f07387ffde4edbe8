package dev.loupe.segmentation.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WeightAverageTest {
    private static final SegmentationArchitecture A = new SegmentationArchitecture(32, new int[] {4, 6}, 2);

    @Test
    void theMeanIsTakenTensorByTensorAndValueByValue() {
        SegmentationWeights[] points = {SegmentationWeights.initial(A, 1), SegmentationWeights.initial(A, 2),
                SegmentationWeights.initial(A, 3)};
        WeightAverage average = new WeightAverage(A);
        for (SegmentationWeights w : points) {
            average.add(w);
        }
        assertEquals(3, average.count());
        SegmentationWeights mean = average.mean();
        assertEquals(A, mean.architecture());
        assertEquals(points[0].tensors().keySet(), mean.tensors().keySet());
        for (String name : mean.tensors().keySet()) {
            assertEquals(points[0].get(name).shape().length, mean.get(name).shape().length, name);
            for (int i = 0; i < mean.get(name).size(); i++) {
                double expected = (points[0].get(name).get(i) + points[1].get(name).get(i) + points[2].get(name).get(i)) / 3.0;
                assertEquals(expected, mean.get(name).get(i), 1e-6, name + "[" + i + "]");
            }
        }
    }

    @Test
    void oneAddedIsItself() {
        SegmentationWeights w = SegmentationWeights.initial(A, 5);
        WeightAverage average = new WeightAverage(A);
        average.add(w);
        assertEquals(w.tensors(), average.mean().tensors());
    }

    @Test
    void anotherNetworkOrNothingIsRefused() {
        WeightAverage average = new WeightAverage(A);
        assertThrows(IllegalStateException.class, average::mean);
        SegmentationWeights other = SegmentationWeights.initial(new SegmentationArchitecture(32, new int[] {4, 8}, 2), 1);
        assertThrows(IllegalArgumentException.class, () -> average.add(other));
    }
}
