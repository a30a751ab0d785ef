package org.lptem.segment.sam2;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.segment.sam2.Sam2Module.Slot;

/**
 * The tensor names of one loaded SAM2 module, read from the model and bound to the module's slots. Binding fails
 * with a message that says exactly what is missing or wrong, what the model has instead, and, when the file looks
 * like another SAM2 module, that the files were probably swapped.
 */
public final class Sam2Signature {
    private final Sam2Module module;
    private final String modelName;
    private final Map<String, String> inputs;
    private final Map<String, String> outputs;
    private final Map<String, long[]> shapes;

    private Sam2Signature(Sam2Module module, String modelName, Map<String, String> inputs,
            Map<String, String> outputs, Map<String, long[]> shapes) {
        this.module = module;
        this.modelName = modelName;
        this.inputs = inputs;
        this.outputs = outputs;
        this.shapes = shapes;
    }

    /** Binds {@code model}'s inputs and outputs to {@code module}'s slots. */
    public static Sam2Signature bind(OnnxModel model, Sam2Module module) {
        return bind(model.name(), model.inputs(), model.outputs(), module);
    }

    static Sam2Signature bind(String name, Map<String, long[]> in, Map<String, long[]> out, Sam2Module module) {
        Map<String, long[]> shapes = new HashMap<>();
        shapes.putAll(in);
        shapes.putAll(out);
        Map<String, String> boundIn = bindSide(name, in, out, module, true);
        Map<String, String> boundOut = bindSide(name, in, out, module, false);
        Set<String> unknown = new LinkedHashSet<>(in.keySet());
        unknown.removeAll(boundIn.values());
        if (!unknown.isEmpty()) {
            throw new LptemException(name, -1, "the SAM2 " + module.label() + " has input" + (unknown.size() > 1
                    ? "s " : " ") + unknown + " that this program does not know how to fill (it fills "
                    + module.inputs().stream().map(s -> s.names().get(0)).toList() + ")", null);
        }
        if (module == Sam2Module.MASK_DECODER && !boundOut.containsKey("low_res_masks")
                && !boundOut.containsKey("masks")) {
            throw missing(name, in, out, module, false, "masks or low_res_masks", "mask logits, rank 4");
        }
        return new Sam2Signature(module, name, boundIn, boundOut, shapes);
    }

    private static Map<String, String> bindSide(String name, Map<String, long[]> in, Map<String, long[]> out,
            Sam2Module module, boolean inputs) {
        Map<String, long[]> tensors = inputs ? in : out;
        Map<String, String> lower = new HashMap<>();
        for (String t : tensors.keySet()) {
            lower.put(t.toLowerCase(Locale.ROOT), t);
        }
        Map<String, String> bound = new LinkedHashMap<>();
        for (Slot slot : inputs ? module.inputs() : module.outputs()) {
            String found = null;
            for (String candidate : slot.names()) {
                String t = lower.get(candidate);
                if (t != null && !bound.containsValue(t)) {
                    found = t;
                    break;
                }
            }
            // an encoder's image is its only input whatever it is called
            if (found == null && module == Sam2Module.IMAGE_ENCODER && inputs && tensors.size() == 1) {
                found = tensors.keySet().iterator().next();
            }
            if (found == null && module == Sam2Module.MEMORY_ATTENTION && !inputs && tensors.size() == 1) {
                found = tensors.keySet().iterator().next();
            }
            if (found == null) {
                if (slot.required()) {
                    throw missing(name, in, out, module, inputs, slot.names().get(0), slot.role().replace('_', ' ')
                            + ", rank " + slot.rank() + (slot.names().size() > 1 ? "; also known as "
                            + slot.names().subList(1, slot.names().size()) : ""));
                }
                continue;
            }
            long[] shape = tensors.get(found);
            if (slot.rank() >= 0 && shape.length > 0 && shape.length != slot.rank()) {
                throw new LptemException(name, -1, (inputs ? "input" : "output") + " '" + found + "' has rank "
                        + shape.length + " " + Arrays.toString(shape) + ", a SAM2 " + module.label()
                        + " needs rank " + slot.rank() + " for it", null);
            }
            bound.put(slot.role(), found);
        }
        return bound;
    }

    private static LptemException missing(String name, Map<String, long[]> in, Map<String, long[]> out,
            Sam2Module module, boolean input, String tensor, String what) {
        StringBuilder m = new StringBuilder("not a SAM2 ").append(module.label()).append(": missing ")
                .append(input ? "input" : "output").append(" '").append(tensor).append("' (").append(what)
                .append("); the model has inputs ").append(in.keySet()).append(" and outputs ").append(out.keySet());
        Sam2Module looksLike = identify(in, out);
        if (looksLike != null && looksLike != module) {
            m.append(". It looks like a SAM2 ").append(looksLike.label())
                    .append(": were the model files given in the wrong order?");
        }
        return new LptemException(name, -1, m.toString(), null);
    }

    /** The module a model most likely is, from its inputs and outputs; null when it looks like none. */
    static Sam2Module identify(Map<String, long[]> in, Map<String, long[]> out) {
        Sam2Module best = null;
        int bestScore = 0;
        for (Sam2Module m : Sam2Module.values()) {
            int score = 0;
            for (Slot s : m.inputs()) {
                score += s.required() && containsAny(in, s) ? 2 : 0;
            }
            for (Slot s : m.outputs()) {
                score += s.required() && containsAny(out, s) ? 1 : 0;
            }
            if (m == Sam2Module.MASK_DECODER && in.keySet().stream().anyMatch(k -> k.contains("point"))) {
                score += 4;
            }
            if (score > bestScore) {
                best = m;
                bestScore = score;
            }
        }
        return bestScore >= 2 ? best : null;
    }

    private static boolean containsAny(Map<String, long[]> tensors, Slot s) {
        for (String t : tensors.keySet()) {
            if (s.names().contains(t.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    public Sam2Module module() {
        return module;
    }

    public String modelName() {
        return modelName;
    }

    /** The model's name for the input in {@code role}, or null when the model has none. */
    public String input(String role) {
        return inputs.get(role);
    }

    public String output(String role) {
        return outputs.get(role);
    }

    public boolean hasInput(String role) {
        return inputs.containsKey(role);
    }

    public boolean hasOutput(String role) {
        return outputs.containsKey(role);
    }

    /** The declared shape of a bound tensor (-1 for free dimensions). */
    public long[] shape(String tensorName) {
        return shapes.get(tensorName).clone();
    }

    /** Role to tensor name for every bound input, in slot order. */
    public Map<String, String> inputs() {
        return Map.copyOf(inputs);
    }

    public Map<String, String> outputs() {
        return Map.copyOf(outputs);
    }
}
