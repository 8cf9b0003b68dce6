package org.motcua.document;

import java.util.LinkedHashMap;
import java.util.Map;
import org.motcua.common.ApiException;
import org.motcua.security.UserAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Dung lượng lưu trữ của tài khoản: the bytes a citizen account may upload in all, over all its dossiers
 * ({@code motcua.documents.max-account-bytes}). Officers' scans do not count: a clerk scans for many applicants.
 *
 * <p>A file is refused at once when the account's count, plus what this transaction already added, would pass the
 * limit (so the page can say it next to the file). The count itself is raised just before commit by one conditional
 * update: the row lock lasts only for the commit, and two requests of the same account racing past the first check
 * cannot both get under the limit (the later one is rolled back with the same refusal).
 */
@Component
class AccountQuota {

  private final UserAccounts accounts;
  private final long maxAccountBytes;

  AccountQuota(UserAccounts accounts,
      @Value("${motcua.documents.max-account-bytes:524288000}") long maxAccountBytes) {
    this.accounts = accounts;
    this.maxAccountBytes = maxAccountBytes;
  }

  /** Counts {@code bytes} against the account, or refuses with ACCOUNT_QUOTA_EXCEEDED. */
  void charge(String username, long bytes) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      if (!accounts.addStoredBytes(username, bytes, maxAccountBytes)) {
        throw exceeded();
      }
      return;
    }
    Charges charges = charges();
    long pending = charges.bytes.getOrDefault(username, 0L);
    if (accounts.storedBytes(username) + pending + bytes > maxAccountBytes) {
      throw exceeded();
    }
    charges.bytes.put(username, pending + bytes);
  }

  private ApiException exceeded() {
    return UploadRefusal.ACCOUNT_QUOTA_EXCEEDED.exception(maxAccountBytes / (1024 * 1024));
  }

  /** This transaction's charges, added to the accounts' counts at commit. */
  private Charges charges() {
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof Charges c && c.quota() == this) {
        return c;
      }
    }
    Charges charges = new Charges();
    TransactionSynchronizationManager.registerSynchronization(charges);
    return charges;
  }

  private final class Charges implements TransactionSynchronization {

    private final Map<String, Long> bytes = new LinkedHashMap<>();

    AccountQuota quota() {
      return AccountQuota.this;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      bytes.forEach((username, added) -> {
        if (!accounts.addStoredBytes(username, added, maxAccountBytes)) {
          throw exceeded();
        }
      });
    }
  }
}
