package org.lptem.ml.onnx;

/** Where ONNX Runtime runs a model. */
public enum ExecutionDevice {
    CPU,
    /** NVIDIA GPU through ONNX Runtime's CUDA provider; needs the onnxruntime_gpu build and CUDA on the host. */
    CUDA
}
