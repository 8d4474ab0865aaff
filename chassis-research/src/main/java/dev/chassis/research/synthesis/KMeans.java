package dev.chassis.research.synthesis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Spherical k-means (cosine similarity) with k-means++ seeding from a fixed seed, so the same input
 * always gives the same clusters. Ties go to the lower cluster index. Stateless.
 */
final class KMeans {

    private static final int MAX_ITERATIONS = 40;

    private KMeans() {
    }

    /** The result: each item's cluster, and each item's similarity to its cluster's centroid. */
    record Clusters(int k, int[] assignment, double[] similarity) {
    }

    static Clusters cluster(VectorSpace space, int k, long seed) {
        int n = space.size();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be between 1 and " + n + ", was " + k);
        }
        double[][] centroids = seed(space, k, new SplittableRandom(seed));
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        double[] similarity = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = assign(space, centroids, assignment, similarity);
            if (!changed && iteration > 0) {
                break;
            }
            centroids = recompute(space, k, assignment, centroids);
        }
        assign(space, centroids, assignment, similarity);
        return new Clusters(k, assignment, similarity);
    }

    private static boolean assign(VectorSpace space, double[][] centroids, int[] assignment, double[] similarity) {
        boolean changed = false;
        for (int i = 0; i < space.size(); i++) {
            int best = 0;
            double bestSim = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < centroids.length; c++) {
                double s = space.dot(i, centroids[c]);
                if (s > bestSim) {
                    bestSim = s;
                    best = c;
                }
            }
            if (assignment[i] != best) {
                changed = true;
                assignment[i] = best;
            }
            similarity[i] = bestSim;
        }
        return changed;
    }

    private static double[][] recompute(VectorSpace space, int k, int[] assignment, double[][] previous) {
        double[][] next = new double[k][space.dimensions()];
        int[] sizes = new int[k];
        for (int i = 0; i < assignment.length; i++) {
            space.addTo(i, next[assignment[i]]);
            sizes[assignment[i]]++;
        }
        for (int c = 0; c < k; c++) {
            if (sizes[c] == 0) {
                next[c] = previous[c];   // an emptied cluster keeps its centroid rather than vanishing
            } else {
                normalise(next[c]);
            }
        }
        return next;
    }

    private static double[][] seed(VectorSpace space, int k, SplittableRandom random) {
        int n = space.size();
        double[][] centroids = new double[k][];
        centroids[0] = vector(space, random.nextInt(n));
        double[] distance = new double[n];
        Arrays.fill(distance, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double d = Math.max(0, 1 - space.dot(i, centroids[c - 1]));
                distance[i] = Math.min(distance[i], d * d);
                total += distance[i];
            }
            int pick = n - 1;
            if (total > 0) {
                double r = random.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    r -= distance[i];
                    if (r <= 0) {
                        pick = i;
                        break;
                    }
                }
            } else {
                pick = random.nextInt(n);
            }
            centroids[c] = vector(space, pick);
        }
        return centroids;
    }

    private static double[] vector(VectorSpace space, int i) {
        double[] v = new double[space.dimensions()];
        space.addTo(i, v);
        return v;
    }

    private static void normalise(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        if (norm > 0) {
            double n = Math.sqrt(norm);
            for (int i = 0; i < v.length; i++) {
                v[i] /= n;
            }
        }
    }
}
