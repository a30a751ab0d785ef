package org.lptem.segment.sam2;

import java.util.List;

/**
 * The four networks of a SAM2 ONNX export and the tensors each must (or may) have. Exporters name the same tensor
 * differently (the public image-only exports {@code image_embed}/{@code high_res_feats_0} and ONNX Runtime's
 * {@code image_embeddings}/{@code image_features_0}; the four-module video exports {@code pix_feat},
 * {@code memory_1}, ...), so each slot lists the names known for it and {@link Sam2Signature} binds whichever the
 * model has.
 */
public enum Sam2Module {
    IMAGE_ENCODER("image encoder",
            List.of(Slot.required("image", 4, "image", "input_image", "images", "pixel_values")),
            List.of(Slot.required("embed", 4, "image_embed", "image_embeddings", "pix_feat", "embedding"),
                    Slot.required("high_res_0", 4, "high_res_feats_0", "image_features_0", "high_res_feat0",
                            "high_res_features_0", "high_res_features1", "feats_0"),
                    Slot.required("high_res_1", 4, "high_res_feats_1", "image_features_1", "high_res_feat1",
                            "high_res_features_1", "high_res_features2", "feats_1"),
                    Slot.optional("vision_feat", 4, "vision_feats", "current_vision_feat", "vision_feat"),
                    Slot.optional("vision_pos", 3, "vision_pos_embed", "current_vision_pos_embed",
                            "vision_pos_embeds"))),
    MASK_DECODER("mask decoder",
            List.of(Slot.required("embed", 4, "image_embed", "image_embeddings", "embedding"),
                    Slot.required("high_res_0", 4, "high_res_feats_0", "image_features_0", "features0",
                            "high_res_feat0"),
                    Slot.required("high_res_1", 4, "high_res_feats_1", "image_features_1", "features1",
                            "high_res_feat1"),
                    Slot.required("point_coords", 3, "point_coords", "input_points", "coords"),
                    Slot.required("point_labels", 2, "point_labels", "input_labels", "labels"),
                    Slot.optional("mask_input", 4, "mask_input", "input_masks", "mask_inputs"),
                    Slot.optional("has_mask_input", 1, "has_mask_input", "has_input_masks"),
                    Slot.optional("original_size", 1, "original_image_size", "orig_im_size", "orig_size")),
            List.of(Slot.optional("low_res_masks", 4, "low_res_masks", "pred_mask", "pred_masks"),
                    Slot.optional("masks", 4, "masks"),
                    Slot.optional("iou", 2, "iou_predictions", "iou", "iou_scores", "scores"),
                    Slot.optional("obj_ptr", 2, "obj_ptr", "object_pointer"),
                    Slot.optional("mask_for_mem", 4, "mask_for_mem"),
                    Slot.optional("object_score", -1, "object_score_logits", "occ_logit", "object_score"))),
    MEMORY_ATTENTION("memory attention",
            List.of(Slot.required("current_feat", 4, "current_vision_feat", "current_vision_feats"),
                    Slot.required("current_pos", 3, "current_vision_pos_embed", "current_vision_pos_embeds"),
                    Slot.required("object_pointers", 2, "memory_0", "obj_ptrs", "object_pointers"),
                    Slot.required("memory", 4, "memory_1", "maskmem_features", "memory"),
                    Slot.required("memory_pos", 3, "memory_pos_embed", "memory_pos")),
            List.of(Slot.required("conditioned", 4, "image_embed", "pix_feat_with_mem", "fused_feat"))),
    MEMORY_ENCODER("memory encoder",
            List.of(Slot.required("mask", 4, "mask_for_mem", "masks", "mask"),
                    Slot.required("features", 4, "pix_feat", "vision_features", "pix_feats")),
            List.of(Slot.required("memory", 4, "maskmem_features"),
                    Slot.required("memory_pos", 3, "maskmem_pos_enc"),
                    Slot.required("temporal_code", 4, "temporal_code", "maskmem_tpos_enc")));

    private final String label;
    private final List<Slot> inputs;
    private final List<Slot> outputs;

    Sam2Module(String label, List<Slot> inputs, List<Slot> outputs) {
        this.label = label;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    public String label() {
        return label;
    }

    List<Slot> inputs() {
        return inputs;
    }

    List<Slot> outputs() {
        return outputs;
    }

    /**
     * One tensor of a module.
     *
     * @param role the name this program uses for it
     * @param rank its rank; -1 for any
     * @param names the names public exports give it, most common first
     */
    record Slot(String role, int rank, boolean required, List<String> names) {
        static Slot required(String role, int rank, String... names) {
            return new Slot(role, rank, true, List.of(names));
        }

        static Slot optional(String role, int rank, String... names) {
            return new Slot(role, rank, false, List.of(names));
        }
    }
}
