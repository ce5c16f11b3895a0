package dev.rapport.core.intro;

import dev.rapport.core.domain.PastGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Splits a round's members into pairs, with one trio when the count is odd. Normally it avoids anyone who was paired
 * together in the last {@value #RECENT_ROUNDS} rounds and prefers people who never met; in revisit mode it prefers
 * past partners, to go deeper. When a pairing made only of preferred pairs exists, it finds one (an exhaustive search
 * for small groups, and for large ones the preferred pairs are so many that the search ends at once); otherwise it
 * settles for the fewest and least recent repeats. The same members, history and random seed give the same pairing.
 */
public final class Pairing {
    /** How many past rounds a pair should not repeat within. */
    public static final int RECENT_ROUNDS = 3;

    // A pair costing this much or more is one to avoid; the search tries to use none.
    private static final int AVOID = 1_000;
    private static final int SEARCH_BUDGET = 50_000;
    private static final int IMPROVEMENT_PASSES = 20;

    private final int n;
    private final List<String> ids;
    private final int[][] cost;
    private final int[] rank;

    private Pairing(List<String> ids, int[][] cost, int[] rank) {
        this.n = ids.size();
        this.ids = ids;
        this.cost = cost;
        this.rank = rank;
    }

    /** The groups for this round: every member in exactly one, all pairs but one trio when the count is odd. */
    public static List<List<String>> pair(
            List<String> members, List<PastGroup> history, boolean revisit, RandomGenerator random) {
        List<String> ids = new ArrayList<>(new TreeSet<>(members));
        if (ids.size() < 2) {
            return List.of();
        }
        int[] rank = shuffledRanks(ids.size(), random);
        Pairing pairing = new Pairing(ids, costs(ids, history, revisit), rank);
        List<int[]> groups = pairing.search().orElseGet(pairing::cheapest);
        return pairing.named(groups);
    }

    private static int[] shuffledRanks(int size, RandomGenerator random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        for (int i = size - 1; i > 0; i--) {
            Collections.swap(order, i, random.nextInt(i + 1));
        }
        int[] rank = new int[size];
        for (int i = 0; i < size; i++) {
            rank[order.get(i)] = i;
        }
        return rank;
    }

    private static int[][] costs(List<String> ids, List<PastGroup> history, boolean revisit) {
        int n = ids.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(ids.get(i), i);
        }
        int[][] times = new int[n][n];
        int[][] lastAgo = new int[n][n];
        boolean[][] met = new boolean[n][n];
        for (PastGroup group : history) {
            List<Integer> present = group.members().stream()
                    .map(index::get)
                    .filter(i -> i != null)
                    .distinct()
                    .toList();
            for (int x : present) {
                for (int y : present) {
                    if (x != y) {
                        times[x][y]++;
                        int ago = Math.max(1, group.roundsAgo());
                        lastAgo[x][y] = lastAgo[x][y] == 0 ? ago : Math.min(lastAgo[x][y], ago);
                        met[x][y] |= group.met();
                    }
                }
            }
        }
        int[][] cost = new int[n][n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                if (x == y) {
                    cost[x][y] = Integer.MAX_VALUE / 4;
                } else if (revisit) {
                    cost[x][y] = times[x][y] == 0 ? AVOID : (met[x][y] ? 0 : 1);
                } else {
                    boolean recent = lastAgo[x][y] != 0 && lastAgo[x][y] <= RECENT_ROUNDS;
                    cost[x][y] = (recent ? AVOID * (RECENT_ROUNDS + 1 - lastAgo[x][y]) : 0) + times[x][y];
                }
            }
        }
        return cost;
    }

    private boolean preferred(int x, int y) {
        return cost[x][y] < AVOID;
    }

    private Comparator<Integer> cheapestFirst(int v) {
        return Comparator.<Integer>comparingInt(u -> cost[v][u]).thenComparingInt(u -> rank[u]);
    }

    // ---- exact search over preferred pairs only --------------------------------------------------------------

    private Optional<List<int[]>> search() {
        Search search = new Search();
        return search.solve() ? Optional.of(List.copyOf(search.groups)) : Optional.empty();
    }

    /** Depth-first search that always places the member with the fewest preferred partners left. */
    private final class Search {
        private final boolean[] placed = new boolean[n];
        private final int[] freeDegree = new int[n];
        private final List<int[]> groups = new ArrayList<>();
        private int remaining = n;
        private int budget = SEARCH_BUDGET;

        Search() {
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    if (x != y && preferred(x, y)) {
                        freeDegree[x]++;
                    }
                }
            }
        }

        boolean solve() {
            if (remaining == 0) {
                return true;
            }
            if (--budget < 0) {
                return false;
            }
            int v = mostConstrained();
            if (freeDegree[v] == 0) {
                return false;
            }
            List<Integer> partners = new ArrayList<>();
            for (int u = 0; u < n; u++) {
                if (!placed[u] && u != v && preferred(v, u)) {
                    partners.add(u);
                }
            }
            partners.sort(cheapestFirst(v));
            boolean odd = remaining % 2 == 1;
            if (!odd || remaining > 3) {
                for (int u : partners) {
                    if (tryGroup(new int[] {v, u})) {
                        return true;
                    }
                }
            }
            if (odd) {
                for (int i = 0; i < partners.size(); i++) {
                    for (int j = i + 1; j < partners.size(); j++) {
                        int u = partners.get(i);
                        int w = partners.get(j);
                        if (preferred(u, w) && tryGroup(new int[] {v, u, w})) {
                            return true;
                        }
                        if (budget < 0) {
                            return false;
                        }
                    }
                }
            }
            return false;
        }

        private int mostConstrained() {
            int best = -1;
            for (int x = 0; x < n; x++) {
                if (!placed[x]
                        && (best < 0
                                || freeDegree[x] < freeDegree[best]
                                || (freeDegree[x] == freeDegree[best] && rank[x] < rank[best]))) {
                    best = x;
                }
            }
            return best;
        }

        private boolean tryGroup(int[] group) {
            place(group, true);
            if (solve()) {
                return true;
            }
            place(group, false);
            return false;
        }

        private void place(int[] group, boolean in) {
            for (int g : group) {
                placed[g] = in;
            }
            int delta = in ? -1 : 1;
            for (int u = 0; u < n; u++) {
                for (int g : group) {
                    if (u != g && preferred(u, g)) {
                        freeDegree[u] += delta;
                    }
                }
            }
            remaining += in ? -group.length : group.length;
            if (in) {
                groups.add(group);
            } else {
                groups.remove(groups.size() - 1);
            }
        }
    }

    // ---- fallback: fewest and least recent repeats -----------------------------------------------------------

    private List<int[]> cheapest() {
        boolean[] placed = new boolean[n];
        List<int[]> groups = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // Members with the fewest good partners choose first.
        order.sort(Comparator.<Integer>comparingLong(x -> preferredCount(x)).thenComparingInt(x -> rank[x]));
        for (int v : order) {
            if (placed[v]) {
                continue;
            }
            int best = -1;
            for (int u = 0; u < n; u++) {
                if (!placed[u] && u != v && (best < 0 || cheapestFirst(v).compare(u, best) < 0)) {
                    best = u;
                }
            }
            if (best < 0) {
                int[] joined = cheapestGroupFor(v, groups);
                groups.set(indexOf(groups, joined), new int[] {joined[0], joined[1], v});
            } else {
                placed[v] = true;
                placed[best] = true;
                groups.add(new int[] {v, best});
            }
        }
        improve(groups);
        return groups;
    }

    private long preferredCount(int x) {
        long count = 0;
        for (int u = 0; u < n; u++) {
            if (u != x && preferred(x, u)) {
                count++;
            }
        }
        return count;
    }

    private int[] cheapestGroupFor(int v, List<int[]> groups) {
        int[] best = groups.get(0);
        for (int[] group : groups) {
            if (cost[v][group[0]] + cost[v][group[1]] < cost[v][best[0]] + cost[v][best[1]]) {
                best = group;
            }
        }
        return best;
    }

    private static int indexOf(List<int[]> groups, int[] group) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) == group) {
                return i;
            }
        }
        throw new IllegalStateException("group not found");
    }

    /** Swaps partners between two pairs while that lowers the total cost. */
    private void improve(List<int[]> groups) {
        for (int pass = 0; pass < IMPROVEMENT_PASSES; pass++) {
            boolean better = false;
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    int[] p = groups.get(i);
                    int[] q = groups.get(j);
                    if (p.length != 2 || q.length != 2) {
                        continue;
                    }
                    long now = (long) cost[p[0]][p[1]] + cost[q[0]][q[1]];
                    long crossed = (long) cost[p[0]][q[0]] + cost[p[1]][q[1]];
                    long swapped = (long) cost[p[0]][q[1]] + cost[p[1]][q[0]];
                    if (crossed < now && crossed <= swapped) {
                        groups.set(i, new int[] {p[0], q[0]});
                        groups.set(j, new int[] {p[1], q[1]});
                        better = true;
                    } else if (swapped < now) {
                        groups.set(i, new int[] {p[0], q[1]});
                        groups.set(j, new int[] {p[1], q[0]});
                        better = true;
                    }
                }
            }
            if (!better) {
                return;
            }
        }
    }

    private List<List<String>> named(List<int[]> groups) {
        List<List<String>> named = new ArrayList<>();
        for (int[] group : groups) {
            List<String> members = new ArrayList<>();
            for (int g : group) {
                members.add(ids.get(g));
            }
            Collections.sort(members);
            named.add(List.copyOf(members));
        }
        named.sort(Comparator.comparing(group -> group.get(0)));
        return List.copyOf(named);
    }
}
