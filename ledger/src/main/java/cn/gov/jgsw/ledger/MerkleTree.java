package cn.gov.jgsw.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Merkle log as RFC 9162 §2.1 defines it, over any {@link HashFunction}: leaf hashes {@code HASH(0x00 || entry)},
 * interior nodes {@code HASH(0x01 || left || right)}, the tree of n leaves split at the largest power of two below n.
 * The tree reads the hashes of complete, aligned subtrees from a {@link Subtrees} source, so that a stored log answers
 * roots and proofs in a logarithmic number of reads; the checks of proofs need no tree at all.
 */
public final class MerkleTree {

    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};

    /**
     * Hashes of complete subtrees: {@code level} 0 is a leaf hash, level L the root of the 2^L leaves starting at
     * {@code index * 2^L}. Only subtrees lying wholly within the tree sizes asked about are requested.
     */
    @FunctionalInterface
    public interface Subtrees {
        byte[] hash(int level, long index);
    }

    private final HashFunction hash;
    private final Subtrees subtrees;

    public MerkleTree(HashFunction hash, Subtrees subtrees) {
        this.hash = hash;
        this.subtrees = subtrees;
    }

    /** The leaf hash of an entry: {@code HASH(0x00 || entry)}. */
    public static byte[] leafHash(HashFunction hash, byte[] entry) {
        return hash.hash(LEAF_PREFIX, entry);
    }

    /** The hash of an interior node: {@code HASH(0x01 || left || right)}. */
    public static byte[] nodeHash(HashFunction hash, byte[] left, byte[] right) {
        return hash.hash(NODE_PREFIX, left, right);
    }

    /** The root of the first {@code size} leaves (MTH); the hash of nothing for size 0. */
    public byte[] root(long size) {
        return size == 0 ? hash.hash() : mth(0, size);
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves (PATH), nearest sibling first. */
    public List<byte[]> inclusionPath(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** The proof that the tree of {@code first} leaves is a prefix of the tree of {@code second} (PROOF). */
    public List<byte[]> consistencyProof(long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long index, long start, long end, List<byte[]> path) {
        long size = end - start;
        if (size == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(size);
        if (index < k) {
            path(index, start, start + k, path);
            path.add(mth(start + k, end));
        } else {
            path(index - k, start + k, end, path);
            path.add(mth(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean whole, List<byte[]> proof) {
        long size = end - start;
        if (m == size) {
            if (!whole) {
                proof.add(mth(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(size);
        if (m <= k) {
            subproof(m, start, start + k, whole, proof);
            proof.add(mth(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(mth(start, start + k));
        }
    }

    /** MTH(D[start:end]); every range the recursion asks for whose size is a power of two is aligned to it. */
    private byte[] mth(long start, long end) {
        long size = end - start;
        if (Long.bitCount(size) == 1) {
            int level = Long.numberOfTrailingZeros(size);
            return subtrees.hash(level, start >> level);
        }
        long k = largestPowerOfTwoBelow(size);
        return nodeHash(hash, mth(start, start + k), mth(start + k, end));
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * Checks an audit path (RFC 9162 §2.1.3.2): that the leaf hash is leaf {@code index} of the tree of {@code size}
     * leaves whose root is {@code root}.
     */
    public static boolean verifyInclusion(HashFunction hash, long index, long size, byte[] leafHash,
                                          List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(hash, p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(hash, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * Checks a consistency proof (RFC 9162 §2.1.4.2): that the tree of {@code first} leaves with root
     * {@code firstRoot} is a prefix of the tree of {@code second} leaves with root {@code secondRoot}. A tree is
     * consistent with itself by the empty proof; the empty tree is a prefix of every tree.
     */
    public static boolean verifyConsistency(HashFunction hash, long first, long second, byte[] firstRoot,
                                            byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> c = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            c.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = c.get(0);
        byte[] sr = c.get(0);
        for (byte[] node : c.subList(1, c.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(hash, node, fr);
                sr = nodeHash(hash, node, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(hash, sr, node);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** Subtrees computed from a list of leaf hashes in memory (for tests, the verifier and small logs). */
    public static Subtrees inMemory(HashFunction hash, List<byte[]> leafHashes) {
        List<byte[]> leaves = Collections.unmodifiableList(new ArrayList<>(leafHashes));
        return new Subtrees() {
            @Override
            public byte[] hash(int level, long index) {
                if (level == 0) {
                    return leaves.get((int) index);
                }
                return nodeHash(hash, hash(level - 1, 2 * index), hash(level - 1, 2 * index + 1));
            }
        };
    }
}
