package cn.gov.jgsw.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Merkle log against the definitions themselves: every root, audit path and consistency proof of every tree up to
 * 70 leaves is checked by the RFC 9162 verification algorithms, and every single-bit change of a proof, a root or a
 * leaf, and another index, is refused. The known vectors of RFC 6962 implementations are in {@link Rfc6962VectorsTest}.
 */
class MerkleTreeTest {

    private static final int LARGEST = 70;

    private static List<byte[]> leafHashes(HashFunction hash, int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(MerkleTree.leafHash(hash, ("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** MTH written straight from RFC 9162 §2.1.1, with no shared code: the reference. */
    private static byte[] reference(HashFunction hash, List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return hash.hash();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return hash.hash(new byte[]{1}, reference(hash, leaves.subList(0, k)),
                reference(hash, leaves.subList(k, leaves.size())));
    }

    @Test
    void rootsMatchTheDefinitionForEverySize() {
        for (HashFunction hash : List.of(HashFunction.SHA256, HashFunction.SM3)) {
            List<byte[]> leaves = leafHashes(hash, LARGEST);
            MerkleTree tree = new MerkleTree(hash, MerkleTree.inMemory(hash, leaves));
            for (int size = 0; size <= LARGEST; size++) {
                assertThat(tree.root(size)).as(hash + " size " + size)
                        .isEqualTo(reference(hash, leaves.subList(0, size)));
            }
        }
    }

    @Test
    void everyAuditPathVerifiesAndNoAlteredOneDoes() {
        HashFunction hash = HashFunction.SM3;
        List<byte[]> leaves = leafHashes(hash, LARGEST);
        MerkleTree tree = new MerkleTree(hash, MerkleTree.inMemory(hash, leaves));
        for (int size = 1; size <= LARGEST; size++) {
            byte[] root = tree.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = tree.inclusionPath(index, size);
                assertThat(MerkleTree.verifyInclusion(hash, index, size, leaves.get(index), path, root))
                        .as("leaf %d of %d", index, size).isTrue();
                if (size > 1) {
                    assertThat(MerkleTree.verifyInclusion(hash, (index + 1) % size, size, leaves.get(index), path,
                            root)).as("another index").isFalse();
                }
                // The size is not checked here on its own: a path may fit two sizes. It is bound to the root by
                // the signed tree head, which names both.
                for (int node = 0; node < path.size(); node++) {
                    List<byte[]> altered = new ArrayList<>(path);
                    altered.set(node, flipped(path.get(node)));
                    assertThat(MerkleTree.verifyInclusion(hash, index, size, leaves.get(index), altered, root))
                            .isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(hash, index, size, flipped(leaves.get(index)), path, root))
                        .isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndNoAlteredOneDoes() {
        HashFunction hash = HashFunction.SM3;
        List<byte[]> leaves = leafHashes(hash, LARGEST);
        MerkleTree tree = new MerkleTree(hash, MerkleTree.inMemory(hash, leaves));
        for (int second = 0; second <= LARGEST; second++) {
            byte[] secondRoot = tree.root(second);
            for (int first = 0; first <= second; first++) {
                byte[] firstRoot = tree.root(first);
                List<byte[]> proof = tree.consistencyProof(first, second);
                assertThat(MerkleTree.verifyConsistency(hash, first, second, firstRoot, secondRoot, proof))
                        .as("%d to %d", first, second).isTrue();
                if (first > 0 && first < second) {
                    assertThat(MerkleTree.verifyConsistency(hash, first, second, flipped(firstRoot), secondRoot,
                            proof)).isFalse();
                    assertThat(MerkleTree.verifyConsistency(hash, first, second, firstRoot, flipped(secondRoot),
                            proof)).isFalse();
                    for (int node = 0; node < proof.size(); node++) {
                        List<byte[]> altered = new ArrayList<>(proof);
                        altered.set(node, flipped(proof.get(node)));
                        assertThat(MerkleTree.verifyConsistency(hash, first, second, firstRoot, secondRoot,
                                altered)).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void aRewrittenHistoryIsNotConsistentWithTheOldHead() {
        HashFunction hash = HashFunction.SM3;
        List<byte[]> leaves = leafHashes(hash, 20);
        MerkleTree honest = new MerkleTree(hash, MerkleTree.inMemory(hash, leaves));
        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(7, MerkleTree.leafHash(hash, "forged".getBytes(StandardCharsets.UTF_8)));
        MerkleTree forged = new MerkleTree(hash, MerkleTree.inMemory(hash, rewritten));
        byte[] oldRoot = honest.root(12);
        assertThat(MerkleTree.verifyConsistency(hash, 12, 20, oldRoot, forged.root(20),
                forged.consistencyProof(12, 20))).isFalse();
    }

    private static byte[] flipped(byte[] hash) {
        byte[] copy = hash.clone();
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }
}
