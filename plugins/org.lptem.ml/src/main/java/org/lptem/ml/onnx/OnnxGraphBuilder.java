package org.lptem.ml.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes ONNX models (the {@code onnx.proto} ModelProto wire format) for the graphs the project builds itself:
 * exported U-Nets, LEONARDO decoders and the small test models. Only the subset of the format those graphs need is
 * covered: float/int64 tensors, float/int/ints/string attributes, static or symbolic dimensions.
 *
 * <p>Written on protobuf-java's {@link CodedOutputStream} with the field numbers of onnx.proto, because no ONNX
 * writer for Java resolves from Maven Central.
 */
public final class OnnxGraphBuilder {
    /** onnx.proto TensorProto.DataType values. */
    public static final int FLOAT = 1;
    public static final int INT64 = 7;

    private static final long IR_VERSION = 8;
    private static final long OPSET = 17;

    private final String graphName;
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private String docString = "";

    public OnnxGraphBuilder(String graphName) {
        this.graphName = graphName;
    }

    public OnnxGraphBuilder doc(String text) {
        this.docString = text;
        return this;
    }

    /** A graph input; each dimension is a Long (fixed) or a String (symbolic, e.g. "height"). */
    public OnnxGraphBuilder input(String name, int elemType, Object... dims) {
        inputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    public OnnxGraphBuilder output(String name, int elemType, Object... dims) {
        outputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    /** A constant float tensor (weights), stored as raw little-endian bytes. */
    public OnnxGraphBuilder initializer(String name, float[] values, long... dims) {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(
                    "initializer " + name + ": shape holds " + count + " values, got " + values.length);
        }
        byte[] raw = new byte[values.length * 4];
        java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
        initializers.add(message(out -> {
            for (long d : dims) {
                out.writeInt64(1, d);
            }
            out.writeInt32(2, FLOAT);
            out.writeString(8, name);
            out.writeByteArray(9, raw);
        }));
        return this;
    }

    /** A constant int64 tensor (shapes, axes). */
    public OnnxGraphBuilder initializer(String name, long[] values, long... dims) {
        initializers.add(message(out -> {
            for (long d : dims) {
                out.writeInt64(1, d);
            }
            out.writeInt32(2, INT64);
            out.writeString(8, name);
            byte[] raw = new byte[values.length * 8];
            java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(values);
            out.writeByteArray(9, raw);
        }));
        return this;
    }

    /**
     * An operator node. Attribute values may be Float/Double (FLOAT), Integer/Long (INT), long[] (INTS),
     * float[] (FLOATS) or String (STRING).
     */
    public OnnxGraphBuilder node(String opType, List<String> in, List<String> out, Map<String, Object> attributes) {
        String name = opType + "_" + nodes.size();
        nodes.add(message(o -> {
            for (String s : in) {
                o.writeString(1, s);
            }
            for (String s : out) {
                o.writeString(2, s);
            }
            o.writeString(3, name);
            o.writeString(4, opType);
            for (Map.Entry<String, Object> a : attributes.entrySet()) {
                o.writeByteArray(5, attribute(a.getKey(), a.getValue()));
            }
        }));
        return this;
    }

    public OnnxGraphBuilder node(String opType, List<String> in, List<String> out) {
        return node(opType, in, out, Map.of());
    }

    /** Ordered attribute map helper, since ONNX readers do not care but stable bytes need a stable order. */
    public static Map<String, Object> attrs(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** The serialised ModelProto. The same graph always gives the same bytes. */
    public byte[] build() {
        byte[] graph = message(o -> {
            for (byte[] n : nodes) {
                o.writeByteArray(1, n);
            }
            o.writeString(2, graphName);
            for (byte[] t : initializers) {
                o.writeByteArray(5, t);
            }
            if (!docString.isEmpty()) {
                o.writeString(10, docString);
            }
            for (byte[] v : inputs) {
                o.writeByteArray(11, v);
            }
            for (byte[] v : outputs) {
                o.writeByteArray(12, v);
            }
        });
        byte[] opset = message(o -> {
            o.writeString(1, "");
            o.writeInt64(2, OPSET);
        });
        return message(o -> {
            o.writeInt64(1, IR_VERSION);
            o.writeString(2, "lptem");
            o.writeString(3, "1");
            o.writeByteArray(7, graph);
            o.writeByteArray(8, opset);
        });
    }

    private static byte[] valueInfo(String name, int elemType, Object... dims) {
        byte[] shape = message(o -> {
            for (Object d : dims) {
                byte[] dim = message(x -> {
                    if (d instanceof String s) {
                        x.writeString(2, s);
                    } else {
                        x.writeInt64(1, ((Number) d).longValue());
                    }
                });
                o.writeByteArray(1, dim);
            }
        });
        byte[] tensorType = message(o -> {
            o.writeInt32(1, elemType);
            o.writeByteArray(2, shape);
        });
        byte[] type = message(o -> o.writeByteArray(1, tensorType));
        return message(o -> {
            o.writeString(1, name);
            o.writeByteArray(2, type);
        });
    }

    private static byte[] attribute(String name, Object value) {
        return message(o -> {
            o.writeString(1, name);
            if (value instanceof Float || value instanceof Double) {
                o.writeFloat(2, ((Number) value).floatValue());
                o.writeEnum(20, 1);
            } else if (value instanceof Integer || value instanceof Long) {
                o.writeInt64(3, ((Number) value).longValue());
                o.writeEnum(20, 2);
            } else if (value instanceof String s) {
                o.writeByteArray(4, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                o.writeEnum(20, 3);
            } else if (value instanceof float[] fs) {
                for (float f : fs) {
                    o.writeFloat(7, f);
                }
                o.writeEnum(20, 6);
            } else if (value instanceof long[] ls) {
                for (long l : ls) {
                    o.writeInt64(8, l);
                }
                o.writeEnum(20, 7);
            } else {
                throw new IllegalArgumentException("attribute " + name + ": unsupported value type " + value);
            }
        });
    }

    @FunctionalInterface
    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            body.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
