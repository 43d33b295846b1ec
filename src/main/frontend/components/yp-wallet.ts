/*
 * <yp-wallet>: the farmer's browser wallet (EIP-1193, e.g. MetaMask) for WalletBridge.java. It shows nothing;
 * the vault page calls its methods and gets a JSON reply, never a rejected promise:
 *
 * Numbers arrive as decimal strings (chain ids, wei), so no precision is lost on the way.
 *
 *   connect(chainId)            eth_requestAccounts, then the chain: wallet_switchEthereumChain when the wallet is
 *                               on another one → {ok, account, chainId}
 *   sign(account, message)      personal_sign (EIP-191) of the challenge that links the wallet → {ok, signature}
 *   send(chainId, from, to,     eth_sendTransaction of a call the server prepared, on the right chain and from the
 *        data, value)           right account → {ok, hash}
 *
 * A failure is {ok: false, code, message}: code "no-wallet" (no window.ethereum), "rejected" (the farmer declined,
 * EIP-1193 error 4001), "wrong-chain" (the wallet cannot switch), "wrong-account" (another account is selected) or
 * "failed" (anything else, with the wallet's message). The server never holds the owner's key: this element only
 * forwards prepared calls to the wallet and the wallet's answers back.
 */

interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

interface ProviderError {
  code?: number;
  message?: string;
}

type Reply =
  | { ok: true; account?: string; chainId?: number; hash?: string; signature?: string }
  | { ok: false; code: 'no-wallet' | 'rejected' | 'wrong-chain' | 'wrong-account' | 'failed'; message: string };

class Failure extends Error {
  constructor(
    readonly code: 'no-wallet' | 'rejected' | 'wrong-chain' | 'wrong-account' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

const hex = (n: number | bigint) => '0x' + n.toString(16);

export class YpWallet extends HTMLElement {
  connect(chain: string): Promise<string> {
    return this.reply(async () => {
      const chainId = Number(chain);
      const accounts = (await this.provider().request({ method: 'eth_requestAccounts' })) as string[];
      if (!accounts || accounts.length === 0) {
        throw new Failure('rejected', 'Your wallet shared no account. Unlock it and connect again.');
      }
      await this.ensureChain(chainId);
      return { ok: true, account: accounts[0], chainId };
    });
  }

  sign(account: string, message: string): Promise<string> {
    return this.reply(async () => {
      const bytes = [...new TextEncoder().encode(message)];
      const data = '0x' + bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
      const signature = (await this.provider().request({ method: 'personal_sign', params: [data, account] })) as string;
      return { ok: true, signature };
    });
  }

  send(chain: string, from: string, to: string, data: string, value: string): Promise<string> {
    return this.reply(async () => {
      const chainId = Number(chain);
      await this.ensureChain(chainId);
      const accounts = (await this.provider().request({ method: 'eth_accounts' })) as string[];
      if (!accounts.some((a) => a.toLowerCase() === from.toLowerCase())) {
        throw new Failure(
          'wrong-account',
          `Your wallet is on ${accounts[0] ?? 'no account'}; switch it to ${from}, which must sign this.`,
        );
      }
      const hash = (await this.provider().request({
        method: 'eth_sendTransaction',
        params: [{ from, to, data, value: hex(BigInt(value)), chainId: hex(chainId) }],
      })) as string;
      return { ok: true, hash };
    });
  }

  private provider(): Eip1193Provider {
    const ethereum = (window as unknown as { ethereum?: Eip1193Provider }).ethereum;
    if (!ethereum || typeof ethereum.request !== 'function') {
      throw new Failure('no-wallet', 'No browser wallet found. Install one (e.g. MetaMask), then reload this page.');
    }
    return ethereum;
  }

  private async ensureChain(chainId: number) {
    const current = Number(BigInt((await this.provider().request({ method: 'eth_chainId' })) as string));
    if (current === chainId) {
      return;
    }
    try {
      await this.provider().request({ method: 'wallet_switchEthereumChain', params: [{ chainId: hex(chainId) }] });
    } catch (error) {
      const code = (error as ProviderError).code;
      if (code === 4001) {
        throw new Failure('rejected', `You declined to switch your wallet to chain ${chainId}; nothing was sent.`);
      }
      throw new Failure(
        'wrong-chain',
        `Your wallet is on chain ${current} and could not switch to chain ${chainId}` +
          (code === 4902 ? ', which it does not know: add that network to your wallet first.' : '.'),
      );
    }
    const now = Number(BigInt((await this.provider().request({ method: 'eth_chainId' })) as string));
    if (now !== chainId) {
      throw new Failure('wrong-chain', `Your wallet is on chain ${now}; switch it to chain ${chainId}.`);
    }
  }

  private async reply(work: () => Promise<Reply>): Promise<string> {
    let reply: Reply;
    try {
      reply = await work();
    } catch (error) {
      if (error instanceof Failure) {
        reply = { ok: false, code: error.code, message: error.message };
      } else {
        const e = error as ProviderError;
        reply =
          e.code === 4001
            ? { ok: false, code: 'rejected', message: 'You declined in your wallet; nothing was sent.' }
            : e.code === 4100
              ? { ok: false, code: 'rejected', message: 'Your wallet has not authorised YieldPilot: connect again.' }
              : { ok: false, code: 'failed', message: `Your wallet reported: ${e.message ?? String(error)}` };
      }
    }
    return JSON.stringify(reply);
  }
}

customElements.define('yp-wallet', YpWallet);
