package cn.gov.jgsw.ledger;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Merkle code, computed with SHA-256, against the RFC 6962 test vectors of transparency-dev/merkle
 * ({@code proof/verify_test.go}, {@code testonly/constants.go}), which Trillian's {@code merkle/log_verifier_test.go}
 * shares: the roots of trees of 0 to 8 leaves, inclusion proofs (the file's leaves are 1-based; here 0-based) and
 * consistency proofs, produced by our tree and accepted by our checks.
 */
class Rfc6962VectorsTest {

    private static final HashFunction SHA256 = HashFunction.SHA256;
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
    private static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final MerkleTree TREE;
    private static final List<byte[]> LEAF_HASHES = new ArrayList<>();

    static {
        for (String leaf : LEAVES) {
            LEAF_HASHES.add(MerkleTree.leafHash(SHA256, Hashes.bytes(leaf)));
        }
        TREE = new MerkleTree(SHA256, MerkleTree.inMemory(SHA256, LEAF_HASHES));
    }

    @Test
    void hashesOfLeavesAndNodes() {
        assertThat(Hashes.hex(MerkleTree.leafHash(SHA256, new byte[0]))).isEqualTo(ROOTS[0]);
        assertThat(Hashes.hex(MerkleTree.leafHash(SHA256, "L123456".getBytes())))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(Hashes.hex(MerkleTree.nodeHash(SHA256, "N123".getBytes(), "N456".getBytes())))
                .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void rootsOfTreesOfZeroToEightLeaves() {
        assertThat(Hashes.hex(TREE.root(0))).isEqualTo(EMPTY_ROOT);
        for (int size = 1; size <= 8; size++) {
            assertThat(Hashes.hex(TREE.root(size))).as("size " + size).isEqualTo(ROOTS[size - 1]);
        }
    }

    @Test
    void inclusionProofs() {
        inclusion(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        inclusion(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        inclusion(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        inclusion(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        inclusion(0, 1);
    }

    private static void inclusion(int index, int size, String... expected) {
        List<byte[]> path = TREE.inclusionPath(index, size);
        assertThat(Hashes.hex(path)).as("leaf %d of %d", index, size).containsExactly(expected);
        assertThat(MerkleTree.verifyInclusion(SHA256, index, size, LEAF_HASHES.get(index), Hashes.bytes(
                List.of(expected)), Hashes.bytes(ROOTS[size - 1]))).isTrue();
    }

    @Test
    void consistencyProofs() {
        consistency(1, 1);
        consistency(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        consistency(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        consistency(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        consistency(6, 7, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    private static void consistency(int first, int second, String... expected) {
        assertThat(Hashes.hex(TREE.consistencyProof(first, second))).as("%d to %d", first, second)
                .containsExactly(expected);
        assertThat(MerkleTree.verifyConsistency(SHA256, first, second, Hashes.bytes(ROOTS[first - 1]),
                Hashes.bytes(ROOTS[second - 1]), Hashes.bytes(List.of(expected)))).isTrue();
    }
}
