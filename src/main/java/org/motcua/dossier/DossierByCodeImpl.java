package org.motcua.dossier;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.hibernate.Session;
import org.springframework.transaction.annotation.Transactional;

/** Spring Data picks this implementation up for {@link DossierRepository#findByCode}. */
class DossierByCodeImpl implements DossierByCode {

  private final EntityManager entityManager;

  DossierByCodeImpl(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Dossier> findByCode(String code) {
    return entityManager.unwrap(Session.class).bySimpleNaturalId(Dossier.class).loadOptional(code);
  }
}
