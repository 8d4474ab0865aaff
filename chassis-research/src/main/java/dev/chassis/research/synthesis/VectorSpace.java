package dev.chassis.research.synthesis;

import dev.chassis.core.embed.Embedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Unit-length vectors for a list of texts, in one of two forms: sparse TF-IDF over content terms (the
 * keyword path, no model needed) or dense embeddings from an {@link Embedder}. Clustering only needs a
 * dot product with a dense centroid and adding a vector into one, so both forms share one algorithm.
 * Immutable after construction.
 */
sealed interface VectorSpace {

    int size();

    int dimensions();

    /** Dot product of vector {@code i} with a dense vector. */
    double dot(int i, double[] dense);

    /** Adds vector {@code i} into {@code acc}. */
    void addTo(int i, double[] acc);

    /** Sparse TF-IDF vectors over the terms of each item. */
    static VectorSpace terms(List<List<String>> termLists) {
        return TermSpace.of(termLists);
    }

    /** Sparse vectors with the weights given (feature index to weight), normalised to unit length. */
    static VectorSpace sparse(List<Map<Integer, Double>> weights, int dimensions) {
        List<int[]> idx = new ArrayList<>(weights.size());
        List<double[]> w = new ArrayList<>(weights.size());
        for (Map<Integer, Double> m : weights) {
            int[] keys = m.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            double[] vals = new double[keys.length];
            double norm = 0;
            for (int k = 0; k < keys.length; k++) {
                vals[k] = m.get(keys[k]);
                norm += vals[k] * vals[k];
            }
            double nn = norm == 0 ? 1 : Math.sqrt(norm);
            for (int k = 0; k < vals.length; k++) {
                vals[k] /= nn;
            }
            idx.add(keys);
            w.add(vals);
        }
        return new TermSpace(List.copyOf(idx), List.copyOf(w), dimensions);
    }

    /** Dense vectors from an embedder, normalised to unit length. */
    static VectorSpace embeddings(Embedder embedder, List<String> texts) {
        List<float[]> raw = embedder.embedAll(texts);
        List<double[]> unit = new ArrayList<>(raw.size());
        for (float[] v : raw) {
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            double n = norm == 0 ? 1 : Math.sqrt(norm);
            double[] u = new double[v.length];
            for (int k = 0; k < v.length; k++) {
                u[k] = v[k] / n;
            }
            unit.add(u);
        }
        return new Dense(List.copyOf(unit), embedder.dimensions());
    }

    /** Dense vectors. */
    record Dense(List<double[]> vectors, int dimensions) implements VectorSpace {
        @Override
        public int size() {
            return vectors.size();
        }

        @Override
        public double dot(int i, double[] dense) {
            double[] v = vectors.get(i);
            double s = 0;
            for (int k = 0; k < v.length; k++) {
                s += v[k] * dense[k];
            }
            return s;
        }

        @Override
        public void addTo(int i, double[] acc) {
            double[] v = vectors.get(i);
            for (int k = 0; k < v.length; k++) {
                acc[k] += v[k];
            }
        }
    }

    /** Sparse TF-IDF vectors: for each item the term indices and unit-normalised weights. */
    record TermSpace(List<int[]> indices, List<double[]> weights, int dimensions) implements VectorSpace {

        static TermSpace of(List<List<String>> termLists) {
            Map<String, Integer> index = new HashMap<>();
            Map<Integer, Integer> df = new HashMap<>();
            List<Map<Integer, Integer>> counts = new ArrayList<>(termLists.size());
            for (List<String> terms : termLists) {
                Map<Integer, Integer> c = new HashMap<>();
                for (String t : terms) {
                    c.merge(index.computeIfAbsent(t, k -> index.size()), 1, Integer::sum);
                }
                c.keySet().forEach(k -> df.merge(k, 1, Integer::sum));
                counts.add(c);
            }
            int n = termLists.size();
            List<int[]> idx = new ArrayList<>(n);
            List<double[]> w = new ArrayList<>(n);
            for (Map<Integer, Integer> c : counts) {
                int[] keys = c.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
                double[] vals = new double[keys.length];
                double norm = 0;
                for (int k = 0; k < keys.length; k++) {
                    double idf = Math.log((1.0 + n) / (1.0 + df.get(keys[k]))) + 1;
                    vals[k] = (1 + Math.log(c.get(keys[k]))) * idf;
                    norm += vals[k] * vals[k];
                }
                double nn = norm == 0 ? 1 : Math.sqrt(norm);
                for (int k = 0; k < vals.length; k++) {
                    vals[k] /= nn;
                }
                idx.add(keys);
                w.add(vals);
            }
            return new TermSpace(List.copyOf(idx), List.copyOf(w), Math.max(1, index.size()));
        }

        @Override
        public int size() {
            return indices.size();
        }

        @Override
        public double dot(int i, double[] dense) {
            int[] k = indices.get(i);
            double[] v = weights.get(i);
            double s = 0;
            for (int j = 0; j < k.length; j++) {
                s += v[j] * dense[k[j]];
            }
            return s;
        }

        @Override
        public void addTo(int i, double[] acc) {
            int[] k = indices.get(i);
            double[] v = weights.get(i);
            for (int j = 0; j < k.length; j++) {
                acc[k[j]] += v[j];
            }
        }
    }
}
