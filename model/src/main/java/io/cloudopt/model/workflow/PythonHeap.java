package io.cloudopt.model.workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code heapq} ({@code heappush}, {@code heappop} with {@code _siftdown}/{@code _siftup}),
 * line for line, over a strict "less than" that may leave two entries unordered both ways. The
 * original simulator's queue order among such entries is whatever this algorithm produces, so
 * parity needs the algorithm itself, not just a priority queue (problems/workflow.md P3).
 */
final class PythonHeap<T> {
    /** Python's {@code <} on two entries. */
    @FunctionalInterface
    interface Less<T> {
        boolean lessThan(T a, T b);
    }

    private final List<T> heap = new ArrayList<>();
    private final Less<T> less;

    PythonHeap(Less<T> less) {
        this.less = less;
    }

    int size() {
        return heap.size();
    }

    boolean isEmpty() {
        return heap.isEmpty();
    }

    T peek() {
        return heap.get(0);
    }

    void push(T item) {
        heap.add(item);
        siftDown(0, heap.size() - 1);
    }

    T pop() {
        T last = heap.remove(heap.size() - 1);
        if (heap.isEmpty()) {
            return last;
        }
        T top = heap.get(0);
        heap.set(0, last);
        siftUp(0);
        return top;
    }

    /** Pops every entry and pushes it again in pop order, as the original's re-sort at dequeue does. */
    void rebuild() {
        int count = heap.size();
        List<T> popped = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            popped.add(pop());
        }
        for (T item : popped) {
            push(item);
        }
    }

    /** Appends without sifting: for copying a heap entry by entry in its array order. */
    void pushRaw(T item) {
        heap.add(item);
    }

    List<T> entries() {
        return List.copyOf(heap);
    }

    PythonHeap<T> copy() {
        PythonHeap<T> copy = new PythonHeap<>(less);
        copy.heap.addAll(heap);
        return copy;
    }

    private void siftDown(int start, int pos) {
        T item = heap.get(pos);
        while (pos > start) {
            int parentPos = (pos - 1) >> 1;
            T parent = heap.get(parentPos);
            if (less.lessThan(item, parent)) {
                heap.set(pos, parent);
                pos = parentPos;
                continue;
            }
            break;
        }
        heap.set(pos, item);
    }

    private void siftUp(int pos) {
        int end = heap.size();
        int start = pos;
        T item = heap.get(pos);
        int child = 2 * pos + 1;
        while (child < end) {
            int right = child + 1;
            if (right < end && !less.lessThan(heap.get(child), heap.get(right))) {
                child = right;
            }
            heap.set(pos, heap.get(child));
            pos = child;
            child = 2 * pos + 1;
        }
        heap.set(pos, item);
        siftDown(start, pos);
    }
}
