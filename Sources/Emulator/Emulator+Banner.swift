import Identity

extension Emulator {
    /// The startup banner: URLs, the well-known credentials and lines to paste for az and the
    /// Python SDKs. The `listening on` line is stable: scripts parse it for the port.
    func banner() -> String {
        let host =
            config.host == "0.0.0.0" || config.host == "::" ? "localhost" : (config.host.contains(":") ? "[\(config.host)]" : config.host)
        let base = "https://\(host):\(port)"
        let certificate = world.certificatePath
        return """
            foundry-emulator listening on \(base)
              version      \(Self.version)
              (plain HTTP on the same port: http://\(host):\(port))
              certificate  \(certificate)   (also at \(base)/_emulator/cert)
              tenant       \(WellKnown.tenantId)
              subscription \(WellKnown.subscriptionId)
              operator     client id \(WellKnown.operatorClientId)  secret \(WellKnown.operatorClientSecret)
              user         \(WellKnown.userPrincipalName)  password \(WellKnown.userPassword)
              provisioning \(config.provisioningDelayMilliseconds == 0 ? "synchronous" : "asynchronous, \(config.provisioningDelayMilliseconds) ms")

            Azure CLI:
              export REQUESTS_CA_BUNDLE=\(certificate) AZURE_CORE_INSTANCE_DISCOVERY=false
              az cloud register --name FoundryEmulator --endpoint-resource-manager \(base)/
              az cloud set --name FoundryEmulator
              az login --service-principal -u \(WellKnown.operatorClientId) -p \(WellKnown.operatorClientSecret) --tenant \(WellKnown.tenantId)

            Python (azure-identity + azure-mgmt-resource):
              from azure.identity import ClientSecretCredential
              from azure.mgmt.resource import ResourceManagementClient
              cred = ClientSecretCredential("\(WellKnown.tenantId)", "\(WellKnown.operatorClientId)", "\(WellKnown.operatorClientSecret)",
                  authority="\(base)", disable_instance_discovery=True, connection_verify="\(certificate)")
              client = ResourceManagementClient(cred, "\(WellKnown.subscriptionId)", base_url="\(base)",
                  credential_scopes=["\(base)/.default"], connection_verify="\(certificate)")

            """
    }
}
