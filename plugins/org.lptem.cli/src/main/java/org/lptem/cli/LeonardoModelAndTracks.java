package org.lptem.cli;

import java.nio.file.Path;
import java.util.function.ToIntFunction;
import org.lptem.leonardo.LeonardoModel;
import org.lptem.leonardo.TrajectoryWindows;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What the {@code lptem leonardo} commands that look at a model through a tracks table share: the two files, the
 * tracks' calibration and where PyTorch runs.
 */
final class LeonardoModelAndTracks {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file from 'train'.")
    Path model;

    @Option(names = "--tracks", required = true, paramLabel = "TRACKS.csv",
            description = "Tracks table: frame, particle (or particle_id), x, y in px; optional x_nm, t_s.")
    Path tracks;

    @Mixin
    CalibrationOptions calibration = new CalibrationOptions();

    @Mixin
    LeonardoCommand.EngineOptions engine = new LeonardoCommand.EngineOptions();

    /** What a command does with the model and the windows cut from the tracks. */
    interface WindowsWork {
        void run(LeonardoModel model, TrajectoryWindows windows, ConsoleProgress progress);
    }

    /**
     * Reads the model, cuts the tracks into windows of its length starting {@code stride(model)} frames apart (the
     * first 5 % of the progress bar) and runs {@code work}.
     */
    int run(CommandSpec spec, ToIntFunction<LeonardoModel> stride, WindowsWork work) {
        return LeonardoCommand.withModel(spec, engine, model, (m, progress) -> work.run(m,
                LeonardoCommand.windowsFor(m, tracks, calibration, stride.applyAsInt(m), progress.sub(0, 0.05)),
                progress));
    }
}
