// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice Asks many ERC-4626 targets for previews in one `eth_call`, never deployed: the call carries this
/// contract's creation code with the questions as constructor arguments, and the constructor returns the answers
/// in place of runtime code (see VaultLens).
/// @dev `views[i]` is the selector of `previewDeposit`, `previewRedeem`, `previewWithdraw` or `previewMint`
/// (any view taking and answering one uint256), asked of `targets[i]` with `amounts[i]`. Returns
/// `abi.encode(uint256[])` with two words per question: 1 and the answer, or 0 and 0 when that view reverted or
/// answered nothing, so one failing target fails only its own question.
contract PreviewLens {
    constructor(address[] memory targets, bytes4[] memory views, uint256[] memory amounts) {
        require(targets.length == views.length && targets.length == amounts.length, "PreviewLens: lengths differ");
        uint256[] memory out = new uint256[](2 * targets.length);
        for (uint256 i = 0; i < targets.length; i++) {
            (bool ok, bytes memory answer) =
                targets[i].staticcall(abi.encodeWithSelector(views[i], amounts[i]));
            if (ok && answer.length >= 32) {
                out[2 * i] = 1;
                out[2 * i + 1] = abi.decode(answer, (uint256));
            }
        }
        bytes memory encoded = abi.encode(out);
        assembly {
            return(add(encoded, 32), mload(encoded))
        }
    }
}
