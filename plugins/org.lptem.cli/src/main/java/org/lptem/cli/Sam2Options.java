package org.lptem.cli;

import java.nio.file.Path;
import org.lptem.segment.sam2.Normalization;
import org.lptem.segment.sam2.Sam2Settings;
import picocli.CommandLine.Option;

/** The options of {@code lptem segment --method sam2} (a picocli mixin, so SegmentCommand stays small). */
final class Sam2Options {
    private static final Sam2Settings DEFAULTS = Sam2Settings.defaults();

    @Option(names = "--encoder", paramLabel = "E.onnx", description = "sam2: the SAM2/SAM-EM image encoder.")
    Path encoder;

    @Option(names = "--decoder", paramLabel = "D.onnx", description = "sam2: the mask decoder.")
    Path decoder;

    @Option(names = "--memory-attention", paramLabel = "M.onnx",
            description = "sam2: the memory attention of a four-module video export (with --memory-encoder); "
                    + "without both, each frame is prompted with the particle's box on the previous frame.")
    Path memoryAttention;

    @Option(names = "--memory-encoder", paramLabel = "N.onnx", description = "sam2: the memory encoder.")
    Path memoryEncoder;

    @Option(names = "--prompts", paramLabel = "P.csv",
            description = "sam2: prompt table, one row per box or point: frame, particle, then x0,y0,x1,y1 (box, "
                    + "pixels spanned, inclusive) and/or x,y,positive (point; positive 1 on the particle, 0 on the "
                    + "liquid). Frames are the video's own numbers.")
    Path prompts;

    @Option(names = "--auto",
            description = "sam2: prompt every particle the classical detector (its options above) finds on the first "
                    + "frame and each new one later.")
    boolean auto;

    @Option(names = "--normalization", paramLabel = "imagenet|half",
            description = "sam2: imagenet (SAM2.1, default) or half (mean 0.5, std 0.5: SAM-EM).")
    String normalization = "imagenet";

    @Option(names = "--memory-frames", paramLabel = "N",
            description = "sam2: spatial memories attended to (default ${DEFAULT-VALUE}).")
    int memoryFrames = DEFAULTS.memoryFrames();

    @Option(names = "--object-pointers", paramLabel = "N",
            description = "sam2: object pointers attended to (default ${DEFAULT-VALUE}).")
    int objectPointers = DEFAULTS.objectPointers();

    @Option(names = "--detect-every", paramLabel = "N",
            description = "sam2 --auto: look for new particles every N frames (default ${DEFAULT-VALUE}).")
    int detectEvery = DEFAULTS.detectEvery();

    @Option(names = "--relink-distance", paramLabel = "PX",
            description = "sam2: a new particle this close to where a lost one was last seen takes its id "
                    + "(default ${DEFAULT-VALUE}).")
    double relinkDistance = DEFAULTS.relinkDistancePx();

    @Option(names = "--relink-gap", paramLabel = "FRAMES",
            description = "sam2: ... if it was lost at most this many frames before (default ${DEFAULT-VALUE}).")
    int relinkGap = DEFAULTS.relinkGapFrames();

    Sam2Settings settings() {
        Normalization n = switch (normalization.toLowerCase(java.util.Locale.ROOT)) {
            case "imagenet" -> Normalization.IMAGENET;
            case "half" -> Normalization.HALF;
            default -> throw new org.lptem.core.LptemException("--normalization '" + normalization
                    + "' is not imagenet or half");
        };
        return DEFAULTS.withNormalization(n).withMemory(memoryFrames, objectPointers).withDetectEvery(detectEvery)
                .withRelink(relinkDistance, relinkGap);
    }
}
