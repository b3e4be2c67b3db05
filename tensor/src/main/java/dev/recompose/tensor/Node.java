package dev.recompose.tensor;

/** One recorded op on the autograd tape: its inputs and the closure that back-propagates into them. */
final class Node {
    final Tensor[] inputs;
    final GradFn fn;

    Node(Tensor[] inputs, GradFn fn) {
        this.inputs = inputs;
        this.fn = fn;
    }

    /** Back-propagates the output gradient {@code g} into the inputs' gradient buffers. */
    @FunctionalInterface
    interface GradFn {
        void backward(float[] g);
    }
}
