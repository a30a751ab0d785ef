package org.lptem.knime.sim;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.lptem.core.LptemException;
import org.lptem.simulate.MotionKind;
import org.lptem.simulate.SimulationSettings;

/**
 * Settings of the Trajectory Simulator. The scale defaults are those of the simulator's demo set-up (2 nm/px,
 * 0.05 s/frame, K = 20 nm²/s: an rms step of 1 px in 2D, 0.71 px per axis, per frame); the model enum is the node's own, mapped to
 * {@link MotionKind} by name.
 */
public final class TrajectorySimulatorParameters implements NodeParameters {

    private static final SimulationSettings DEMO = SimulationSettings.demo();

    @Section(title = "Model")
    interface ModelSection {
    }

    @Section(title = "Tracks")
    @After(ModelSection.class)
    interface TrackSection {
    }

    @Section(title = "Scale")
    @After(TrackSection.class)
    interface ScaleSection {
    }

    enum Model {
        @Label(value = "Brownian (bm)", description = "Brownian motion: MSD = 4 K t.")
        BM,
        @Label(value = "Fractional Brownian (fbm)", description = "Fractional Brownian motion, exact: "
            + "MSD = 4 K t^alpha with correlated steps, alpha in (0, 2).")
        FBM,
        @Label(value = "CTRW", description = "Continuous-time random walk: Pareto waiting times of exponent alpha "
            + "in (0, 1], at least one frame, Gaussian jumps of the coefficient's Brownian step. Subdiffusive and "
            + "non-ergodic; clocked in frames, so its MSD depends on the frame interval.")
        CTRW,
        @Label(value = "Levy walk", description = "Flights at the given speed in random directions, lasting "
            + "heavy-tailed times: superdiffusive, alpha in (1, 2).")
        LEVY,
        @Label(value = "Scaled Brownian (sbm)", description = "Independent Gaussian steps with MSD = 4 K t^alpha "
            + "exactly, alpha in (0, 2): a time-dependent diffusion coefficient.")
        SBM,
        @Label(value = "Annealed transit time (attm)", description = "Brownian motion whose coefficient is redrawn "
            + "at random times, MSD ~ t^alpha with alpha in (0, 1).")
        ATTM,
        @Label(value = "Harmonic trap", description = "Brownian motion in a harmonic potential; Confinement is the "
            + "rms distance from the trap centre.")
        HARMONIC,
        @Label(value = "Box", description = "Brownian motion in a square box with reflecting walls; Confinement is "
            + "the side length.")
        BOX,
        @Label(value = "Directed", description = "Brownian motion plus a constant velocity of the given speed in a "
            + "random direction per track.")
        DIRECTED
    }

    interface ModelRef extends ParameterReference<Model> {
    }

    static final class UsesAlpha implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(ModelRef.class).isOneOf(Model.FBM, Model.CTRW, Model.LEVY, Model.SBM, Model.ATTM);
        }
    }

    static final class UsesSpeed implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(ModelRef.class).isOneOf(Model.LEVY, Model.DIRECTED);
        }
    }

    static final class UsesConfinement implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(ModelRef.class).isOneOf(Model.HARMONIC, Model.BOX);
        }
    }

    @Layout(ModelSection.class)
    @Widget(title = "Model", description = "The motion model (the AnDi challenge family plus confinement and "
        + "directed motion).")
    @ValueReference(ModelRef.class)
    Model model = Model.valueOf(DEMO.motion().name());

    @Layout(ModelSection.class)
    @Widget(title = "Alpha", description = "Anomalous exponent: fbm and sbm (0, 2), ctrw (0, 1], levy (1, 2), attm "
        + "(0, 1). Ignored by the other models.")
    @Effect(predicate = UsesAlpha.class, type = EffectType.SHOW)
    double alpha = 0.5;

    @Layout(ModelSection.class)
    @Widget(title = "Diffusion coefficient K (nm²/s^alpha)", description = "Scale of the motion: K of "
        + "MSD = 4 K t^alpha in nm²/s^alpha (for models without an exponent, the diffusion coefficient D in "
        + "nm²/s; the step of ctrw and attm jumps).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double diffusionNm2PerS = DEMO.diffusionNm2PerS();

    @Layout(ModelSection.class)
    @Widget(title = "Speed (nm/s)", description = "Flight speed of the Levy walk, drift speed of directed motion.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Effect(predicate = UsesSpeed.class, type = EffectType.SHOW)
    double speedNmPerS = 40;

    @Layout(ModelSection.class)
    @Widget(title = "Confinement (nm)", description = "Harmonic trap: rms distance from the trap centre; box: side "
        + "length.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    @Effect(predicate = UsesConfinement.class, type = EffectType.SHOW)
    double confinementNm = 20;

    @Layout(TrackSection.class)
    @Widget(title = "Number of tracks", description = "How many independent tracks to simulate.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int tracks = 100;

    @Layout(TrackSection.class)
    @Widget(title = "Track length (frames)", description = "Points per track, at least 2.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int length = 200;

    @Layout(TrackSection.class)
    @Widget(title = "Random seed", description = "The same settings and seed give the same tracks. Track p is "
        + "drawn from the same random stream as particle p of a simulated video with the same seed.")
    long seed = DEMO.seed();

    @Layout(ScaleSection.class)
    @Widget(title = "Pixel size (nm/px)", description = "Positions are written in px and nm; this converts.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    double nmPerPixel = DEMO.nmPerPixel();

    @Layout(ScaleSection.class)
    @Widget(title = "Frame interval (s/frame)", description = "Time between two points of a track.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    double secondsPerFrame = DEMO.secondsPerFrame();

    @Override
    public void validate() throws InvalidSettingsException {
        if (tracks < 1) {
            throw new InvalidSettingsException("Number of tracks must be >= 1, got " + tracks);
        }
        if (length < 2) {
            throw new InvalidSettingsException("Track length must be >= 2 frames, got " + length);
        }
        try {
            toSettings();
        } catch (LptemException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /**
     * Simulator settings for free trajectories: the demo set-up with this model and scale. No particle is placed
     * in a field, so the field's own checks do not apply; the exposure equals the frame interval.
     */
    SimulationSettings toSettings() {
        return DEMO.toBuilder().particles(0).motion(MotionKind.valueOf(model.name())).alpha(alpha)
            .diffusionNm2PerS(diffusionNm2PerS).speedNmPerS(speedNmPerS).confinementNm(confinementNm)
            .nmPerPixel(nmPerPixel).secondsPerFrame(secondsPerFrame).exposureS(secondsPerFrame).seed(seed).build();
    }
}
