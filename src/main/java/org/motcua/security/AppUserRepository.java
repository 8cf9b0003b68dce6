package org.motcua.security;

import org.springframework.data.jpa.repository.JpaRepository;

interface AppUserRepository extends JpaRepository<AppUser, String> {

  java.util.Optional<AppUser> findFirstByRoleAndIdNumber(Role role, String idNumber);
}
