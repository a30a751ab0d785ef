package org.lptem.knime.sim;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.core.LptemException;
import org.lptem.simulate.SettingsKeys;
import org.lptem.simulate.SimulationPreset;
import org.lptem.simulate.SimulationSettings;

/**
 * Settings of the LPTEM Video Simulator: a preset of {@link SimulationPreset}, the two values one changes most
 * (frames, seed), any other parameter as {@code key=value} text ({@link SettingsKeys}), and where to write. The
 * preset enum is the node's own so that saved workflows keep loading if the science enum gains constants.
 */
public final class VideoSimulatorParameters implements NodeParameters {

    @Section(title = "Simulation")
    interface SimulationSection {
    }

    @Section(title = "Output")
    @After(SimulationSection.class)
    interface OutputSection {
    }

    enum Preset {
        @Label(value = "demo", description = "256 x 256, 60 frames, 8 gold spheres 28 nm across in Brownian "
            + "motion at 2 nm/px, per-pixel SNR about 3. Quick to simulate and clearly trackable.")
        DEMO,
        @Label(value = "rod-1024", description = "1024 x 1024, 50 frames, one 40 x 16 nm gold rod at 0.4 nm/px in "
            + "a harmonic trap, rotating, per-pixel SNR 0.9 with correlated noise.")
        ROD_1024,
        @Label(value = "thickness-5nm", description = "512 x 512, 50 frames, one 4.6 nm sphere (46 px) under 5 nm "
            + "of liquid.")
        THICKNESS_5NM,
        @Label(value = "thickness-50nm", description = "As thickness-5nm under 50 nm of liquid.")
        THICKNESS_50NM,
        @Label(value = "thickness-150nm", description = "As thickness-5nm under 150 nm of liquid.")
        THICKNESS_150NM,
        @Label(value = "multi", description = "512 x 512, 100 frames, 20 polydisperse spheres entering and leaving "
            + "the field, stage drift, illumination gradient, dose flicker and 6 out-of-focus distractors, per-pixel "
            + "SNR 1.5. A benchmark for trackers.")
        MULTI
    }

    @Layout(SimulationSection.class)
    @Widget(title = "Preset", description = "The starting set-up, modelled on published synthetic LPTEM data. The "
        + "settings below change it.")
    Preset preset = Preset.DEMO;

    @Layout(SimulationSection.class)
    @Widget(title = "Frames", description = "Number of frames to simulate. 0 keeps the preset's.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int frames;

    @Layout(SimulationSection.class)
    @Widget(title = "Random seed", description = "Seed of every random draw (trajectories, noise). The same "
        + "settings and seed give the same video, bit for bit. Loop over seeds for independent replicates.")
    long seed = SimulationPreset.DEMO.settings().seed();

    @Layout(SimulationSection.class)
    @Widget(title = "Other parameters", description = "Further changes to the preset as key=value pairs separated "
        + "by semicolons or new lines, applied in order after frames and seed, for example "
        + "'motion=fbm; alpha=0.6; particles=20'. The keys are the simulation parameters of 'lptem simulate "
        + "--list': width, height, particles, particleRadiusNm, nmPerPixel, secondsPerFrame, diffusionNm2PerS, "
        + "shape (sphere, rod, prism, cube), motion (bm, fbm, ctrw, levy, sbm, attm, harmonic, box, directed), "
        + "alpha, targetSnr, liquidThicknessNm, driftXPxPerFrame, fieldMarginPx and more. Empty keeps the preset.")
    @TextInputWidget(placeholder = "motion=fbm; alpha=0.6")
    String parameters = "";

    @Layout(OutputSection.class)
    @Widget(title = "Output folder", description = "Folder that receives video.tif (the frames, calibrated), "
        + "labels.tif (the true particle masks), tracks.csv (every particle in every frame) and metadata.json "
        + "(every parameter, the seed and the realised SNR per frame). Created if needed. A path or a KNIME URL "
        + "such as knime://knime.workflow/data/simulated, which keeps the data next to the workflow.")
    @TextInputWidget(placeholder = "knime://knime.workflow/data/simulated")
    String outputFolder = "";

    @Layout(OutputSection.class)
    @Widget(title = "Overwrite", description = "Replace a simulation already in the output folder. Off, the node "
        + "fails rather than overwrite one.")
    boolean overwrite;

    @Override
    public void validate() throws InvalidSettingsException {
        if (outputFolder == null || outputFolder.isBlank()) {
            throw new InvalidSettingsException("Choose an output folder.");
        }
        if (frames < 0) {
            throw new InvalidSettingsException("Frames must be >= 0 (0 = the preset's), got " + frames);
        }
        try {
            toSettings();
        } catch (LptemException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    SimulationPreset simulationPreset() {
        return SimulationPreset.valueOf(preset.name());
    }

    /** The preset changed by frames, seed and the other parameters, validated as one step. */
    SimulationSettings toSettings() throws InvalidSettingsException {
        List<String> assignments = new ArrayList<>();
        if (frames > 0) {
            assignments.add("frames=" + frames);
        }
        assignments.add("seed=" + seed);
        assignments.addAll(assignments(parameters));
        return SettingsKeys.apply(simulationPreset().settings(), assignments);
    }

    static List<String> assignments(final String text) throws InvalidSettingsException {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[;\\n\\r]+")) {
            String a = part.trim();
            if (a.isEmpty()) {
                continue;
            }
            if (a.indexOf('=') <= 0) {
                throw new InvalidSettingsException("Other parameters: '" + a + "' is not key=value.");
            }
            out.add(a);
        }
        return out;
    }
}
