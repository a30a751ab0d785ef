package org.lptem.knime.segment;

import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.migration.Migrate;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.core.LptemException;
import org.lptem.knime.common.FrameAveraging;
import org.lptem.knime.common.LocalPaths;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.segment.ClassicalSettings;
import org.lptem.segment.DetectorSettings;
import org.lptem.segment.Polarity;
import org.lptem.segment.ThresholdMethod;

/**
 * Settings of the Particle Segmenter: the options of {@code lptem segment}, one field each, with its defaults (the
 * blob pipeline for radii 3 to 48 px). The enums are the node's own so that saved workflows keep loading if the
 * science enums change; {@link #classical()} maps them. 0 stands for "no limit" where the science code uses infinity.
 */
public final class ParticleSegmenterParameters implements NodeParameters {

    private static final ClassicalSettings DEFAULTS = ClassicalSettings.blobs(3, 48);

    @Section(title = "Method")
    interface MethodSection {
    }

    @Section(title = "Blob detection")
    @After(MethodSection.class)
    interface BlobSection {
    }

    @Section(title = "Threshold family")
    @After(BlobSection.class)
    interface ThresholdSection {
    }

    @Section(title = "Image preparation")
    @After(ThresholdSection.class)
    interface PreparationSection {
    }

    @Section(title = "Region filters")
    @After(PreparationSection.class)
    interface FilterSection {
    }

    @Section(title = "Output")
    @After(FilterSection.class)
    interface OutputSection {
    }

    enum Method {
        @Label(value = "Classical", description = "Blob detection or a threshold, chosen by Foreground rule; no "
            + "training needed.")
        CLASSICAL,
        @Label(value = "U-Net (ONNX model)", description = "A network that turns a frame into a particle "
            + "probability per pixel (for example a U-Net trained on simulated videos), run by ONNX Runtime.")
        UNET
    }

    enum Device {
        @Label(value = "CPU", description = "Runs everywhere.")
        CPU,
        @Label(value = "CUDA GPU", description = "NVIDIA GPU; needs the GPU build of ONNX Runtime and CUDA.")
        CUDA
    }

    enum Foreground {
        @Label(value = "Blob", description = "Matched-filter (difference of Gaussians) detection of round-ish "
            + "particles, then an outline per particle: the choice at a per-pixel SNR near 1.")
        BLOB,
        @Label(value = "Global threshold", description = "One automatic threshold per frame.")
        GLOBAL,
        @Label(value = "Hysteresis", description = "Regions above a low significance level that reach a high one.")
        HYSTERESIS,
        @Label(value = "Local", description = "Pixels beyond the mean of a window around them.")
        LOCAL
    }

    enum Threshold {
        @Label("Otsu")
        OTSU,
        @Label("Li")
        LI,
        @Label("Triangle")
        TRIANGLE
    }

    enum Contrast {
        @Label(value = "Dark", description = "Particles darker than the liquid (bright-field TEM).")
        DARK,
        @Label(value = "Bright", description = "Particles brighter than the liquid (dark-field, STEM HAADF).")
        BRIGHT
    }

    enum Background {
        @Label(value = "None", description = "The illumination is flat.")
        NONE,
        @Label(value = "Gaussian", description = "A quadratic surface, then a wide Gaussian, is subtracted.")
        GAUSSIAN,
        @Label(value = "Rolling ball", description = "A ball rolled over (dark particles) or under (bright) the "
            + "image.")
        ROLLING_BALL
    }

    enum Denoising {
        @Label(value = "Gaussian", description = "Gaussian smoothing.")
        GAUSSIAN,
        @Label(value = "Median", description = "Keeps edges sharp and removes hot pixels.")
        MEDIAN
    }

    interface MethodRef extends ParameterReference<Method> {
    }

    interface ForegroundRef extends ParameterReference<Foreground> {
    }

    static final class IsNetwork implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(MethodRef.class).isOneOf(Method.UNET);
        }
    }

    static final class IsBlob implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(MethodRef.class).isOneOf(Method.CLASSICAL)
                .and(i.getEnum(ForegroundRef.class).isOneOf(Foreground.BLOB));
        }
    }

    static final class IsThresholdFamily implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(MethodRef.class).isOneOf(Method.CLASSICAL)
                .and(i.getEnum(ForegroundRef.class).isOneOf(Foreground.GLOBAL, Foreground.HYSTERESIS,
                    Foreground.LOCAL));
        }
    }

    @Layout(MethodSection.class)
    @Widget(title = "Method", description = "Classical image processing or a trained network.")
    @ValueSwitchWidget
    @ValueReference(MethodRef.class)
    Method method = Method.CLASSICAL;

    @Layout(MethodSection.class)
    @Widget(title = "Model file (.onnx)", description = "The network: one input of shape [1, 1, H, W] (the frame, "
        + "standardised) and one output of the same shape with the particle probability of each pixel. A path or a "
        + "KNIME URL such as knime://knime.workflow/models/unet.onnx.")
    @TextInputWidget(placeholder = "knime://knime.workflow/models/unet.onnx")
    @Effect(predicate = IsNetwork.class, type = EffectType.SHOW)
    String modelFile = "";

    @Layout(MethodSection.class)
    @Widget(title = "Device", description = "Where the network runs.")
    @ValueSwitchWidget
    @Effect(predicate = IsNetwork.class, type = EffectType.SHOW)
    Device device = Device.CPU;

    @Layout(MethodSection.class)
    @Widget(title = "Probability threshold", description = "Probability at which a pixel belongs to a particle, "
        + "between 0 and 1 (exclusive).")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    @Effect(predicate = IsNetwork.class, type = EffectType.SHOW)
    double probability = 0.5;

    @Layout(MethodSection.class)
    @Widget(title = "Foreground rule", description = "Which pixels become particles in the classical method.")
    @ValueReference(ForegroundRef.class)
    @Effect(predicate = IsNetwork.class, type = EffectType.HIDE)
    Foreground foreground = Foreground.valueOf(DEFAULTS.foreground().name());

    @Layout(MethodSection.class)
    @Widget(title = FrameAveraging.TITLE, description = FrameAveraging.DESCRIPTION)
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    @Migrate(loadDefaultIfAbsent = true)
    int averageFrames = 1;

    @Layout(MethodSection.class)
    @Widget(title = "Particle contrast", description = "Whether particles are darker or brighter than the liquid.")
    @ValueSwitchWidget
    Contrast polarity = Contrast.valueOf(DEFAULTS.detector().polarity().name());

    @Layout(BlobSection.class)
    @Widget(title = "Smallest radius (px)", description = "Smallest particle radius searched, in pixels.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    @Effect(predicate = IsBlob.class, type = EffectType.SHOW)
    double minRadiusPx = DEFAULTS.minRadiusPx();

    @Layout(BlobSection.class)
    @Widget(title = "Largest radius (px)", description = "Largest particle radius searched, in pixels; equal to the "
        + "smallest for one known size, which is also the fastest.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    @Effect(predicate = IsBlob.class, type = EffectType.SHOW)
    double maxRadiusPx = DEFAULTS.maxRadiusPx();

    @Layout(BlobSection.class)
    @Widget(title = "Significance (noise sigmas)", description = "Matched-filter response a particle needs, in "
        + "noise standard deviations of that response. Lower finds fainter particles and more false ones.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    @Effect(predicate = IsBlob.class, type = EffectType.SHOW)
    double significanceSigmas = DEFAULTS.blobThresholdSigmas();

    @Layout(BlobSection.class)
    @Widget(title = "Edge fraction", description = "A particle's edge lies where its contrast falls to this "
        + "fraction (0 to 1) of its mean contrast.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    @Effect(predicate = IsBlob.class, type = EffectType.SHOW)
    double edgeFraction = DEFAULTS.edgeFraction();

    @Layout(ThresholdSection.class)
    @Widget(title = "Threshold method", description = "The global rule's automatic threshold, computed per frame.")
    @Effect(predicate = IsThresholdFamily.class, type = EffectType.SHOW)
    Threshold threshold = Threshold.valueOf(DEFAULTS.detector().threshold().name());

    @Layout(ThresholdSection.class)
    @Widget(title = "Hysteresis low (noise sigmas)", description = "Hysteresis rule: regions grow over pixels at "
        + "least this many noise sigmas from the background.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    @Effect(predicate = IsThresholdFamily.class, type = EffectType.SHOW)
    double hysteresisLowSigmas = DEFAULTS.hysteresisLowSigmas();

    @Layout(ThresholdSection.class)
    @Widget(title = "Hysteresis high (noise sigmas)", description = "Hysteresis rule: a region is kept only if one "
        + "of its pixels reaches this many noise sigmas.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    @Effect(predicate = IsThresholdFamily.class, type = EffectType.SHOW)
    double hysteresisHighSigmas = DEFAULTS.hysteresisHighSigmas();

    @Layout(ThresholdSection.class)
    @Widget(title = "Local window radius (px)", description = "Local rule: half-width of the window whose mean is "
        + "the local background.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    @Effect(predicate = IsThresholdFamily.class, type = EffectType.SHOW)
    double localRadiusPx = DEFAULTS.localRadiusPx();

    @Layout(ThresholdSection.class)
    @Widget(title = "Local offset (noise sigmas)", description = "Local rule: a particle pixel lies this many "
        + "noise sigmas beyond the window mean.")
    @Effect(predicate = IsThresholdFamily.class, type = EffectType.SHOW)
    double localOffsetSigmas = DEFAULTS.localOffsetSigmas();

    @Layout(PreparationSection.class)
    @Widget(title = "Background removal", description = "How uneven illumination is removed before a threshold.")
    @Effect(predicate = IsThresholdFamily.class, type = EffectType.SHOW)
    Background background = Background.valueOf(DEFAULTS.background().name());

    @Layout(PreparationSection.class)
    @Widget(title = "Background scale (px)", description = "The Gaussian's sigma or the ball's radius, in pixels; "
        + "several times the particle radius.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Effect(predicate = IsThresholdFamily.class, type = EffectType.SHOW)
    double backgroundScalePx = DEFAULTS.detector().backgroundSigmaPx();

    @Layout(PreparationSection.class)
    @Widget(title = "Denoising", description = "How pixel noise is suppressed.")
    @Effect(predicate = IsThresholdFamily.class, type = EffectType.SHOW)
    Denoising denoising = Denoising.valueOf(DEFAULTS.denoising().name());

    @Layout(PreparationSection.class)
    @Widget(title = "Smoothing (px)", description = "The Gaussian's sigma or the median's radius, in pixels; "
        + "0 disables Gaussian smoothing.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Effect(predicate = IsThresholdFamily.class, type = EffectType.SHOW)
    double smoothingPx = DEFAULTS.detector().smoothingSigmaPx();

    @Layout(FilterSection.class)
    @Widget(title = "Split touching particles", description = "Cut touching particles apart by a marker watershed.")
    boolean splitTouching = DEFAULTS.splitTouching();

    @Layout(FilterSection.class)
    @Widget(title = "Minimum area (px²)", description = "Regions with fewer pixels are discarded.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double minAreaPx = DEFAULTS.detector().minAreaPx();

    @Layout(FilterSection.class)
    @Widget(title = "Maximum area (px²)", description = "Regions with more pixels are discarded; 0 means no limit.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double maxAreaPx;

    @Layout(FilterSection.class)
    @Widget(title = "Minimum score", description = "Regions whose contrast score (0 to 1) is lower are discarded.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double minScore = DEFAULTS.detector().minScore();

    @Layout(OutputSection.class)
    @Widget(title = "Label file", description = "Where the label masks are written: a 16-bit TIFF stack, one "
        + "frame per video frame, 0 for the liquid and 1, 2, ... for the particles of that frame (the label column "
        + "of the table). A path or a KNIME URL such as knime://knime.workflow/data/labels.tif; set it from a flow "
        + "variable in loops.")
    @TextInputWidget(placeholder = "knime://knime.workflow/data/labels.tif")
    String labelFile = "";

    @Layout(OutputSection.class)
    @Widget(title = "Overwrite", description = "Replace an existing label file. Off, the node fails instead.")
    boolean overwrite;

    @Override
    public void validate() throws InvalidSettingsException {
        if (labelFile == null || labelFile.isBlank()) {
            throw new InvalidSettingsException("Choose a label file.");
        }
        FrameAveraging.validate(averageFrames);
        if (method == Method.UNET) {
            if (modelFile == null || modelFile.isBlank()) {
                throw new InvalidSettingsException("The U-Net method needs a model file (.onnx).");
            }
            if (!(probability > 0 && probability < 1)) {
                throw new InvalidSettingsException("The probability threshold must be between 0 and 1, got "
                    + probability);
            }
        }
        try {
            classical();
        } catch (LptemException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** The classical settings; for the network, its area and score filters and the split rule come from here. */
    ClassicalSettings classical() {
        double max = maxAreaPx > 0 ? maxAreaPx : Double.POSITIVE_INFINITY;
        DetectorSettings detector = DEFAULTS.detector().withPolarity(Polarity.valueOf(polarity.name()))
            .withThreshold(ThresholdMethod.valueOf(threshold.name())).withArea(minAreaPx, max)
            .withBackgroundSigma(backgroundScalePx).withSmoothing(smoothingPx).withMinScore(minScore);
        return DEFAULTS.toBuilder().detector(detector)
            .foreground(ClassicalSettings.Foreground.valueOf(foreground.name()))
            .background(ClassicalSettings.Background.valueOf(background.name()))
            .denoising(ClassicalSettings.Denoising.valueOf(denoising.name()))
            .hysteresis(hysteresisLowSigmas, hysteresisHighSigmas).local(localRadiusPx, localOffsetSigmas)
            .radii(minRadiusPx, maxRadiusPx).blobThresholdSigmas(significanceSigmas).edgeFraction(edgeFraction)
            .splitTouching(splitTouching).build();
    }

    ExecutionDevice executionDevice() {
        return ExecutionDevice.valueOf(device.name());
    }

    Path modelPath() throws InvalidSettingsException {
        return LocalPaths.output(modelFile, "Model file");
    }

    Path labelPath() throws InvalidSettingsException {
        return LocalPaths.output(labelFile, "Label file");
    }
}
