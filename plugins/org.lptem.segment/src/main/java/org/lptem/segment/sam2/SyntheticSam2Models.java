package org.lptem.segment.sam2;

import static org.lptem.ml.onnx.OnnxGraphBuilder.FLOAT;
import static org.lptem.ml.onnx.OnnxGraphBuilder.INT64;
import static org.lptem.ml.onnx.OnnxGraphBuilder.attrs;

import java.util.List;
import org.lptem.ml.onnx.OnnxGraphBuilder;

/**
 * Small ONNX models with the exact public SAM2 signatures, written by the project itself because real weights
 * cannot be downloaded here: they test and benchmark the loading, mapping, pre- and post-processing and memory code
 * on the same tensor contracts as real exports.
 *
 * <p>What they compute is simple and checkable. The encoder marks the 16 x 16 (and 4 x 4, 8 x 8) cells of the
 * 1024 x 1024 input that are darker than halfway between the darkest cell and the mean: dark particles. The mask
 * decoder echoes its prompt: the box given by the corner points (labels 2 and 3) as a mask, or the mask input when
 * {@code has_mask_input} is 1, or, with no box, the marked cells of its image embedding; it returns three masks
 * (all background, the echo, all foreground) with predicted IoUs 0.2, 0.9, 0.4, so only a choice by IoU finds the
 * echo. The memory encoder pools the memory mask to 64 x 64; the memory attention keeps the current frame's marked
 * cells that lie within one cell of any remembered mask, which follows a particle that moves less than a cell per
 * frame. The memory attention adds its memory tensors to their position encodings as the real one does, so memory
 * tensors of inconsistent sizes fail inside ONNX Runtime.
 */
public final class SyntheticSam2Models {
    /** The element type code of int32 in onnx.proto. */
    static final int INT32 = 6;
    static final int SIZE = 1024;
    static final float LOGIT = 10;
    static final float[] IOU = {0.2f, 0.9f, 0.4f};
    private static final int EMBED_CHANNELS = 256;
    private static final int EMBED_SIDE = 64;

    /** Which public naming convention to follow. */
    public enum Convention {
        /** The common image-only export: image_embed, high_res_feats_0/1; float labels; 256^2 masks. */
        IMAGE_A,
        /** ONNX Runtime's SAM2 exporter: image_embeddings, image_features_0/1; int32 labels; original-size masks. */
        IMAGE_B,
        /** The four-module video export: pix_feat, vision_feats, vision_pos_embed; obj_ptr, mask_for_mem. */
        VIDEO
    }

    private SyntheticSam2Models() {
    }

    /**
     * The image encoder.
     *
     * @param extraLayers 1 x 1 convolutions (256 -> 256 channels, identity weights) added after the embedding to give
     *     the encoder a realistic cost in benchmarks; 0 in tests
     */
    public static byte[] encoder(Convention c, int extraLayers) {
        OnnxGraphBuilder g = new OnnxGraphBuilder("sam2_synthetic_encoder")
                .doc("LPTEM synthetic SAM2 image encoder (" + c + ")");
        g.input("image", FLOAT, 1L, 3L, (long) SIZE, (long) SIZE);
        g.node("ReduceMean", List.of("image"), List.of("grey"), attrs("axes", new long[] {1}, "keepdims", 1L));
        darkCells(g, "grey", 16, "cells64");
        darkCells(g, "grey", 4, "cells256");
        darkCells(g, "grey", 8, "cells128");
        String embed = c == Convention.IMAGE_A ? "image_embed" : c == Convention.IMAGE_B ? "image_embeddings"
                : "pix_feat";
        String hr0 = c == Convention.IMAGE_A ? "high_res_feats_0" : c == Convention.IMAGE_B ? "image_features_0"
                : "high_res_feat0";
        String hr1 = c == Convention.IMAGE_A ? "high_res_feats_1" : c == Convention.IMAGE_B ? "image_features_1"
                : "high_res_feat1";
        g.initializer("shape_embed", new long[] {1, 256, 64, 64}, 4);
        g.initializer("shape_hr0", new long[] {1, 32, 256, 256}, 4);
        g.initializer("shape_hr1", new long[] {1, 64, 128, 128}, 4);
        String expanded = extraLayers > 0 ? "embed_0" : embed;
        g.node("Expand", List.of("cells64", "shape_embed"), List.of(expanded));
        if (extraLayers > 0) {
            float[] identity = new float[256 * 256];
            for (int i = 0; i < 256; i++) {
                identity[i * 256 + i] = 1;
            }
            g.initializer("w_identity", identity, 256, 256, 1, 1);
            for (int k = 0; k < extraLayers; k++) {
                g.node("Conv", List.of("embed_" + k, "w_identity"), List.of("conv_" + k),
                        attrs("kernel_shape", new long[] {1, 1}));
                g.node("Relu", List.of("conv_" + k), List.of(k == extraLayers - 1 ? embed : "embed_" + (k + 1)));
            }
        }
        g.node("Expand", List.of("cells256", "shape_hr0"), List.of(hr0));
        g.node("Expand", List.of("cells128", "shape_hr1"), List.of(hr1));
        g.output(hr0, FLOAT, 1L, 32L, 256L, 256L).output(hr1, FLOAT, 1L, 64L, 128L, 128L)
                .output(embed, FLOAT, 1L, 256L, 64L, 64L);
        if (c == Convention.VIDEO) {
            g.node("Identity", List.of(embed), List.of("vision_feats"));
            g.initializer("pos_value", new float[] {0.01f}, 1, 1, 1);
            g.initializer("shape_pos", new long[] {4096, 1, 256}, 3);
            g.node("Expand", List.of("pos_value", "shape_pos"), List.of("vision_pos_embed"));
            g.output("vision_feats", FLOAT, 1L, 256L, 64L, 64L).output("vision_pos_embed", FLOAT, 4096L, 1L, 256L);
        }
        return g.build();
    }

    /**
     * Floating-point operations of one {@link #encoder} run, in units of 10^9: the extra 1 x 1 convolutions (a
     * multiply and an add per weight and output pixel) and the input's reductions; everything else only reshapes.
     */
    public static double encoderGflops(int extraLayers) {
        double perLayer = 2.0 * EMBED_CHANNELS * EMBED_CHANNELS * EMBED_SIDE * EMBED_SIDE;
        double reductions = 3.0 * SIZE * SIZE * 4; // channel mean, then three poolings of the grey image
        return (extraLayers * perLayer + reductions) / 1e9;
    }

    /*
     * The other modules only reshape, compare and blend: counted below as one operation per value of each
     * elementwise op, reduction, pooling or copy that computes, eight per value of a linear resize, so that a
     * benchmark can say how little ONNX Runtime does for them next to a real export.
     */

    /**
     * Floating-point operations of one {@link #decoder} run of convention {@code c} on a {@code width x height}
     * frame, in units of 10^9: about a dozen operations on the 256 x 256 masks; the video decoder adds the memory mask
     * at 1024 x 1024 (linear upsampling, sigmoid, scale and bias) and the pooled embedding for the object pointer, the
     * image-only ones three masks of logits, which convention B upsamples to the frame.
     */
    public static double decoderGflops(Convention c, int width, int height) {
        double masks = 12.0 * 256 * 256;
        if (c == Convention.VIDEO) {
            double memoryMask = (double) SIZE * SIZE * (8 + 3);
            double pointer = (double) EMBED_CHANNELS * EMBED_SIDE * EMBED_SIDE;
            return (masks + memoryMask + pointer) / 1e9;
        }
        double three = 3.0 * 256 * 256;
        double upsampled = c == Convention.IMAGE_B ? 3.0 * 8 * width * height : 0;
        return (masks + three + upsampled) / 1e9;
    }

    /**
     * Floating-point operations of one {@link #memoryAttention} run over {@code memories} spatial memories, in units
     * of 10^9: the memory tokens plus their positions and their sum, the same for the frame's 256-channel tokens, the
     * kept cells expanded to 256 channels.
     */
    public static double memoryAttentionGflops(int memories) {
        double memoryTokens = 2.0 * memories * EMBED_SIDE * EMBED_SIDE * 64;
        double frameTokens = 2.0 * EMBED_CHANNELS * EMBED_SIDE * EMBED_SIDE;
        double kept = (double) EMBED_CHANNELS * EMBED_SIDE * EMBED_SIDE + 9.0 * EMBED_SIDE * EMBED_SIDE;
        return (memoryTokens + frameTokens + kept) / 1e9;
    }

    /** Floating-point operations of one {@link #memoryEncoder} run, in 10^9: unscaling and pooling the mask. */
    public static double memoryEncoderGflops() {
        return (3.0 * SIZE * SIZE + 64.0 * EMBED_SIDE * EMBED_SIDE) / 1e9;
    }

    /** 1 for the cells of {@code k x k} pixels darker than halfway between the darkest cell and the mean. */
    private static void darkCells(OnnxGraphBuilder g, String grey, int k, String out) {
        String pooled = out + "_pooled";
        g.node("AveragePool", List.of(grey), List.of(pooled), attrs("kernel_shape", new long[] {k, k}, "strides",
                new long[] {k, k}));
        g.node("ReduceMean", List.of(pooled), List.of(out + "_mean"), attrs("axes", new long[] {2, 3}, "keepdims",
                1L));
        g.node("ReduceMin", List.of(pooled), List.of(out + "_min"), attrs("axes", new long[] {2, 3}, "keepdims",
                1L));
        g.node("Add", List.of(out + "_mean", out + "_min"), List.of(out + "_sum"));
        constant(g, out + "_half", 0.5f);
        g.node("Mul", List.of(out + "_sum", out + "_half"), List.of(out + "_threshold"));
        g.node("Less", List.of(pooled, out + "_threshold"), List.of(out + "_bool"));
        g.node("Cast", List.of(out + "_bool"), List.of(out), attrs("to", (long) FLOAT));
    }

    /** The image-only mask decoder of convention A or B. */
    public static byte[] decoder(Convention c) {
        boolean b = c == Convention.IMAGE_B;
        boolean video = c == Convention.VIDEO;
        OnnxGraphBuilder g = new OnnxGraphBuilder("sam2_synthetic_decoder")
                .doc("LPTEM synthetic SAM2 mask decoder (" + c + "): echoes its prompt");
        String embed = b ? "image_embeddings" : "image_embed";
        String hr0 = b ? "image_features_0" : "high_res_feats_0";
        String hr1 = b ? "image_features_1" : "high_res_feats_1";
        Object labels = video ? 1L : "num_labels";
        if (video) {
            g.input("point_coords", FLOAT, labels, "num_points", 2L).input("point_labels", FLOAT, labels,
                    "num_points");
        }
        g.input(embed, FLOAT, 1L, 256L, 64L, 64L).input(hr0, FLOAT, 1L, 32L, 256L, 256L)
                .input(hr1, FLOAT, 1L, 64L, 128L, 128L);
        if (!video) {
            g.input("point_coords", FLOAT, labels, "num_points", 2L)
                    .input("point_labels", b ? INT32 : FLOAT, labels, "num_points");
            String mask = b ? "input_masks" : "mask_input";
            String has = b ? "has_input_masks" : "has_mask_input";
            g.input(mask, FLOAT, labels, 1L, 256L, 256L).input(has, FLOAT, labels);
            if (b) {
                g.input("original_image_size", INT32, 2L);
            }
        }
        g.node("Cast", List.of("point_labels"), List.of("labels_f"), attrs("to", (long) FLOAT));
        constant(g, "two", 2f);
        constant(g, "three", 3f);
        g.node("Equal", List.of("labels_f", "two"), List.of("is_tl_b"));
        g.node("Cast", List.of("is_tl_b"), List.of("is_tl"), attrs("to", (long) FLOAT));
        g.node("Equal", List.of("labels_f", "three"), List.of("is_br_b"));
        g.node("Cast", List.of("is_br_b"), List.of("is_br"), attrs("to", (long) FLOAT));
        g.initializer("index_0", new long[] {0});
        g.initializer("index_1", new long[] {1});
        g.node("Gather", List.of("point_coords", "index_0"), List.of("xs"), attrs("axis", 2L));
        g.node("Gather", List.of("point_coords", "index_1"), List.of("ys"), attrs("axis", 2L));
        g.initializer("axis_1", new long[] {1}, 1);
        for (String[] corner : new String[][] {{"x1", "xs", "is_tl"}, {"y1", "ys", "is_tl"}, {"x2", "xs", "is_br"},
                {"y2", "ys", "is_br"}}) {
            g.node("Mul", List.of(corner[1], corner[2]), List.of(corner[0] + "_terms"));
            g.node("ReduceSum", List.of(corner[0] + "_terms", "axis_1"), List.of(corner[0]), attrs("keepdims", 1L));
        }
        g.node("ReduceMax", List.of("is_tl"), List.of("has_box"), attrs("axes", new long[] {1}, "keepdims", 1L));
        float[] grid = new float[256];
        for (int j = 0; j < 256; j++) {
            grid[j] = (j + 0.5f) * SIZE / 256f;
        }
        g.initializer("grid_x", grid, 1, 1, 256);
        g.initializer("grid_y", grid, 1, 256, 1);
        g.initializer("shape_l11", new long[] {-1, 1, 1}, 3);
        g.initializer("shape_l111", new long[] {-1, 1, 1, 1}, 4);
        g.initializer("shape_l1ss", new long[] {-1, 1, 256, 256}, 4);
        for (String v : List.of("x1", "x2", "y1", "y2")) {
            g.node("Reshape", List.of(v, "shape_l11"), List.of(v + "_r"));
        }
        // SAM2's prompt encoder takes a corner as a pixel index (it adds half a pixel itself): the box covers the
        // model pixels from the top-left corner's to the bottom-right corner's, inclusive
        g.initializer("one_px", new float[] {1});
        g.node("Add", List.of("x2_r", "one_px"), List.of("x2_end"));
        g.node("Add", List.of("y2_r", "one_px"), List.of("y2_end"));
        inRange(g, "grid_x", "x1_r", "x2_end", "in_x");
        inRange(g, "grid_y", "y1_r", "y2_end", "in_y");
        g.node("Mul", List.of("in_x", "in_y"), List.of("box_2d"));
        g.node("Reshape", List.of("box_2d", "shape_l1ss"), List.of("box"));
        toLogits(g, "box", "box_logits");
        g.initializer("slice_0", new long[] {0}, 1);
        g.node("Slice", List.of(embed, "slice_0", "axis_1", "axis_1"), List.of("embed_cells"));
        g.initializer("scales_4", new float[] {1, 1, 4, 4}, 4);
        g.node("Resize", List.of("embed_cells", "", "scales_4"), List.of("embed_up"), attrs("mode", "nearest"));
        toLogits(g, "embed_up", "embed_logits");
        g.node("Reshape", List.of("has_box", "shape_l111"), List.of("has_box_4"));
        blend(g, "has_box_4", "box_logits", "embed_logits", "prompt_logits");
        String logits = "prompt_logits";
        if (!video) {
            String has = b ? "has_input_masks" : "has_mask_input";
            g.node("Reshape", List.of(has, "shape_l111"), List.of("has_mask_4"));
            blend(g, "has_mask_4", b ? "input_masks" : "mask_input", "prompt_logits", "logits");
            logits = "logits";
        }
        if (video) {
            g.node("Identity", List.of(logits), List.of("pred_mask"));
            g.node("Resize", List.of(logits, "", "scales_4"), List.of("logits_1024"), attrs("mode", "linear"));
            g.node("Sigmoid", List.of("logits_1024"), List.of("mask_prob"));
            constant(g, "mem_scale", VideoPredictor.MEMORY_SIGMOID_SCALE);
            constant(g, "mem_bias", VideoPredictor.MEMORY_SIGMOID_BIAS);
            g.node("Mul", List.of("mask_prob", "mem_scale"), List.of("mask_scaled"));
            g.node("Add", List.of("mask_scaled", "mem_bias"), List.of("mask_for_mem"));
            g.node("GlobalAveragePool", List.of(embed), List.of("pooled_embed"));
            g.initializer("shape_ptr", new long[] {1, 256}, 2);
            g.node("Reshape", List.of("pooled_embed", "shape_ptr"), List.of("obj_ptr"));
            return g.output("obj_ptr", FLOAT, 1L, 256L).output("mask_for_mem", FLOAT, 1L, 1L, (long) SIZE,
                    (long) SIZE).output("pred_mask", FLOAT, 1L, 1L, 256L, 256L).build();
        }
        constant(g, "zero", 0f);
        constant(g, "minus_logit", -LOGIT);
        constant(g, "plus_logit", LOGIT);
        g.node("Mul", List.of(logits, "zero"), List.of("zeros"));
        g.node("Add", List.of("zeros", "minus_logit"), List.of("all_background"));
        g.node("Add", List.of("zeros", "plus_logit"), List.of("all_foreground"));
        String low = b ? "low_res_masks" : "masks";
        g.node("Concat", List.of("all_background", logits, "all_foreground"), List.of(low), attrs("axis", 1L));
        g.node("Mul", List.of("has_box", "zero"), List.of("zeros_l1"));
        g.initializer("iou_values", IOU, 1, 3);
        g.node("Add", List.of("zeros_l1", "iou_values"), List.of("iou_predictions"));
        if (b) {
            g.node("Shape", List.of(low), List.of("low_shape"));
            g.initializer("slice_2", new long[] {2}, 1);
            g.node("Slice", List.of("low_shape", "slice_0", "slice_2"), List.of("lead_dims"));
            g.node("Cast", List.of("original_image_size"), List.of("size_64"), attrs("to", (long) INT64));
            g.node("Concat", List.of("lead_dims", "size_64"), List.of("full_sizes"), attrs("axis", 0L));
            g.node("Resize", List.of(low, "", "", "full_sizes"), List.of("masks"), attrs("mode", "linear"));
            g.output("masks", FLOAT, labels, 3L, "original_height", "original_width");
            g.output("iou_predictions", FLOAT, labels, 3L);
            g.output("low_res_masks", FLOAT, labels, 3L, 256L, 256L);
        } else {
            g.output("masks", FLOAT, labels, 3L, 256L, 256L).output("iou_predictions", FLOAT, labels, 3L);
        }
        return g.build();
    }

    /** The memory encoder of the four-module export. */
    public static byte[] memoryEncoder() {
        OnnxGraphBuilder g = new OnnxGraphBuilder("sam2_synthetic_memory_encoder")
                .doc("LPTEM synthetic SAM2 memory encoder: the memory mask pooled to 64 x 64");
        g.input("mask_for_mem", FLOAT, 1L, 1L, (long) SIZE, (long) SIZE).input("pix_feat", FLOAT, 1L, 256L, 64L,
                64L);
        constant(g, "unbias", -VideoPredictor.MEMORY_SIGMOID_BIAS);
        constant(g, "unscale", 1 / VideoPredictor.MEMORY_SIGMOID_SCALE);
        g.node("Add", List.of("mask_for_mem", "unbias"), List.of("prob_scaled"));
        g.node("Mul", List.of("prob_scaled", "unscale"), List.of("prob"));
        g.node("AveragePool", List.of("prob"), List.of("prob64"), attrs("kernel_shape", new long[] {16, 16},
                "strides", new long[] {16, 16}));
        g.initializer("shape_mem", new long[] {1, 64, 64, 64}, 4);
        g.node("Expand", List.of("prob64", "shape_mem"), List.of("maskmem_features"));
        g.initializer("pos_value", new float[] {0.001f}, 1, 1, 1);
        g.initializer("shape_pos", new long[] {4096, 1, 64}, 3);
        g.node("Expand", List.of("pos_value", "shape_pos"), List.of("maskmem_pos_enc"));
        float[] codes = new float[7 * 64];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = 0.01f * (i / 64 + 1);
        }
        g.initializer("codes", codes, 7, 1, 1, 64);
        g.node("Identity", List.of("codes"), List.of("temporal_code"));
        return g.output("maskmem_features", FLOAT, 1L, 64L, 64L, 64L).output("maskmem_pos_enc", FLOAT, 4096L, 1L,
                64L).output("temporal_code", FLOAT, 7L, 1L, 1L, 64L).build();
    }

    /** The memory attention of the four-module export. */
    public static byte[] memoryAttention() {
        OnnxGraphBuilder g = new OnnxGraphBuilder("sam2_synthetic_memory_attention")
                .doc("LPTEM synthetic SAM2 memory attention: current dark cells near remembered masks");
        g.input("current_vision_feat", FLOAT, 1L, 256L, 64L, 64L)
                .input("current_vision_pos_embed", FLOAT, 4096L, 1L, 256L)
                .input("memory_0", FLOAT, "num_obj_ptr", 256L)
                .input("memory_1", FLOAT, "num_mem", 64L, 64L, 64L)
                .input("memory_pos_embed", FLOAT, "num_tokens", 1L, 64L);
        g.initializer("slice_0", new long[] {0}, 1);
        g.initializer("slice_1", new long[] {1}, 1);
        g.node("Slice", List.of("memory_1", "slice_0", "slice_1", "slice_1"), List.of("memory_cells"));
        g.node("ReduceMax", List.of("memory_cells"), List.of("remembered"), attrs("axes", new long[] {0},
                "keepdims", 1L));
        g.node("MaxPool", List.of("remembered"), List.of("near"), attrs("kernel_shape", new long[] {3, 3}, "pads",
                new long[] {1, 1, 1, 1}));
        constant(g, "half", 0.5f);
        g.node("Greater", List.of("near", "half"), List.of("near_b"));
        g.node("Cast", List.of("near_b"), List.of("near_f"), attrs("to", (long) FLOAT));
        g.node("Slice", List.of("current_vision_feat", "slice_0", "slice_1", "slice_1"), List.of("current_cells"));
        g.node("Mul", List.of("current_cells", "near_f"), List.of("kept"));
        g.initializer("shape_embed", new long[] {1, 256, 64, 64}, 4);
        g.node("Expand", List.of("kept", "shape_embed"), List.of("kept_256"));
        // the real module adds memory and position tokens; doing the same makes inconsistent sizes fail
        g.node("Transpose", List.of("memory_1"), List.of("memory_hwc"), attrs("perm", new long[] {0, 2, 3, 1}));
        g.initializer("shape_tokens", new long[] {-1, 1, 64}, 3);
        g.node("Reshape", List.of("memory_hwc", "shape_tokens"), List.of("spatial_tokens"));
        g.node("Reshape", List.of("memory_0", "shape_tokens"), List.of("pointer_tokens"));
        g.node("Concat", List.of("spatial_tokens", "pointer_tokens"), List.of("tokens"), attrs("axis", 0L));
        g.node("Add", List.of("tokens", "memory_pos_embed"), List.of("tokens_with_pos"));
        g.node("Transpose", List.of("current_vision_feat"), List.of("current_hwc"), attrs("perm",
                new long[] {2, 3, 0, 1}));
        g.initializer("shape_current", new long[] {4096, 1, 256}, 3);
        g.node("Reshape", List.of("current_hwc", "shape_current"), List.of("current_tokens"));
        g.node("Add", List.of("current_tokens", "current_vision_pos_embed"), List.of("current_with_pos"));
        g.node("ReduceSum", List.of("tokens_with_pos"), List.of("tokens_sum"), attrs("keepdims", 0L));
        g.node("ReduceSum", List.of("current_with_pos"), List.of("current_sum"), attrs("keepdims", 0L));
        g.node("Add", List.of("tokens_sum", "current_sum"), List.of("check_sum"));
        constant(g, "zero", 0f);
        g.node("Mul", List.of("check_sum", "zero"), List.of("check_zero"));
        g.node("Add", List.of("kept_256", "check_zero"), List.of("image_embed"));
        return g.output("image_embed", FLOAT, 1L, 256L, 64L, 64L).build();
    }

    private static void constant(OnnxGraphBuilder g, String name, float value) {
        g.initializer(name, new float[] {value});
    }

    /** out = 1 where lo <= grid <= hi. */
    private static void inRange(OnnxGraphBuilder g, String grid, String lo, String hi, String out) {
        g.node("GreaterOrEqual", List.of(grid, lo), List.of(out + "_ge"));
        g.node("LessOrEqual", List.of(grid, hi), List.of(out + "_le"));
        g.node("And", List.of(out + "_ge", out + "_le"), List.of(out + "_b"));
        g.node("Cast", List.of(out + "_b"), List.of(out), attrs("to", (long) FLOAT));
    }

    /** Maps 0/1 to -LOGIT/+LOGIT. */
    private static void toLogits(OnnxGraphBuilder g, String in, String out) {
        g.initializer(out + "_scale", new float[] {2 * LOGIT});
        g.initializer(out + "_shift", new float[] {-LOGIT});
        g.node("Mul", List.of(in, out + "_scale"), List.of(out + "_scaled"));
        g.node("Add", List.of(out + "_scaled", out + "_shift"), List.of(out));
    }

    /** out = w * a + (1 - w) * b. */
    private static void blend(OnnxGraphBuilder g, String w, String a, String b, String out) {
        g.node("Sub", List.of(a, b), List.of(out + "_diff"));
        g.node("Mul", List.of(w, out + "_diff"), List.of(out + "_weighted"));
        g.node("Add", List.of(b, out + "_weighted"), List.of(out));
    }
}
