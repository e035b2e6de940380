# Installation and the Debian package (`make package` / `cpack`): ttsgen_<version>_amd64.deb with the
# binary, the manual page and the bash and zsh completions (all three generated at build time from
# the command definitions, by the binary itself), the licence and the user documentation.
# docs/packaging.md explains the choices and lintian's findings.
include(GNUInstallDirs)

set(TTSGEN_GENERATED "${CMAKE_CURRENT_BINARY_DIR}/generated")
# gzip -n: no name or time stamp in the archive, so the package is reproducible.
add_custom_command(
  OUTPUT "${TTSGEN_GENERATED}/ttsgen.1" "${TTSGEN_GENERATED}/ttsgen.1.gz"
         "${TTSGEN_GENERATED}/ttsgen.bash" "${TTSGEN_GENERATED}/_ttsgen"
         "${TTSGEN_GENERATED}/changelog.gz"
  COMMAND ttsgen man > "${TTSGEN_GENERATED}/ttsgen.1"
  COMMAND gzip -9nc "${TTSGEN_GENERATED}/ttsgen.1" > "${TTSGEN_GENERATED}/ttsgen.1.gz"
  COMMAND ttsgen completion bash > "${TTSGEN_GENERATED}/ttsgen.bash"
  COMMAND ttsgen completion zsh > "${TTSGEN_GENERATED}/_ttsgen"
  COMMAND gzip -9nc "${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog" > "${TTSGEN_GENERATED}/changelog.gz"
  DEPENDS ttsgen "${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog"
  COMMENT "Generating the manual page and the shell completions from the command definitions"
  VERBATIM)
add_custom_target(ttsgen_manual ALL DEPENDS "${TTSGEN_GENERATED}/ttsgen.1.gz" "${TTSGEN_GENERATED}/_ttsgen")

# Immediate binding, as Debian's hardening flags ask (lintian: hardening-no-bindnow).
target_link_options(ttsgen PRIVATE -Wl,-z,relro,-z,now)
install(TARGETS ttsgen RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(FILES "${TTSGEN_GENERATED}/ttsgen.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${TTSGEN_GENERATED}/ttsgen.bash" DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/bash-completion/completions"
        RENAME ttsgen)
install(FILES "${TTSGEN_GENERATED}/_ttsgen" DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/zsh/vendor-completions")
set(TTSGEN_DOC_DIR "${CMAKE_INSTALL_DATAROOTDIR}/doc/ttsgen")
install(FILES packaging/copyright "${TTSGEN_GENERATED}/changelog.gz" schemas/cloudformation/CFN-LINT-NOTICE DESTINATION "${TTSGEN_DOC_DIR}")
install(FILES README.md docs/cli.md docs/ci.md docs/packaging.md DESTINATION "${TTSGEN_DOC_DIR}")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ttsgen)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "ttsgen")
set(TTSGEN_MAINTAINER "ttsgen maintainers <ttsgen@example.org>" CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${TTSGEN_MAINTAINER}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # ttsgen_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The runtime libraries the binary links (libyaml-cpp0.7, libfmt9, libstdc++6, ...) as dpkg-shlibdeps
# computes them from the binary itself, so the list cannot fall behind the link line.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "awscli")  # ttsgen publish runs `aws`
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "CloudFormation templates of The Things Stack on AWS ECS")
# CPack writes the summary as the synopsis and indents these lines as the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "ttsgen generates the AWS CloudFormation templates that run The Things Stack,
an enterprise LoRaWAN network server, on AWS ECS, for every supported release,
rendered byte for byte deterministically. It also validates template sets,
compares releases, writes their reference documentation and publishes
rendered releases to S3.")
# Directories 0755 and files 0644 whatever the umask of the machine that builds the package.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
include(CPack)
