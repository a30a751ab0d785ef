package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

/** A model's statistics are in its training table's px and frames; other calibrations are not compared with them. */
class CalibrationCheckTest {

    private static TrajectoryWindows at(Calibration c) {
        return TrajectoryWindows.cut(TestData.mix(3, 32, 4), c, 32, 32, Progress.NONE);
    }

    @Test
    void windowsOfAnotherPixelSizeOrFrameIntervalAreRefused() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); LeonardoModel model = ModelFileTest.untrained(m)) {
            model.requireCalibrationOf(at(TestData.CALIBRATION), "same");
            model.requireCalibrationOf(at(Calibration.NONE), "uncalibrated");
            model.requireCalibrationOf(at(Calibration.of(0.5, null)), "pixel size only");
            LptemException pixels = assertThrows(LptemException.class,
                    () -> model.requireCalibrationOf(at(Calibration.of(1.0, 0.02)), "held.csv"));
            assertTrue(pixels.getMessage().startsWith("held.csv is calibrated"), pixels.getMessage());
            assertThrows(LptemException.class,
                    () -> model.requireCalibrationOf(at(Calibration.of(0.5, 0.04)), "held.csv"));
            assertThrows(LptemException.class,
                    () -> Evaluation.run(model, at(Calibration.of(1.0, 0.02)), 4, 1, Progress.NONE));
        }
    }
}
