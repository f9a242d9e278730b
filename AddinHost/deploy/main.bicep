// OutlookDunning on Azure, for one firm or one hosting provider: App Service (Linux container), PostgreSQL Flexible
// Server, a Storage account whose proofs are WORM (version-level immutability), Key Vault for AR24's key and the app's
// secrets, read with the app's managed identity, and Application Insights. No registry modules: everything is here.
// Deploy: az deployment group create -g <group> -f AddinHost/deploy/main.bicep -p main.parameters.json

@description('Short name used in every resource name (letters and digits, 3 to 11 characters).')
@minLength(3)
@maxLength(11)
param name string

@description('Where everything lives. France Central keeps the firm\'s data in France.')
param location string = resourceGroup().location

@description('The container image of OutlookDunning (built by dotnet publish /t:PublishContainer and pushed to a registry).')
param image string

@description('The public HTTPS address Office loads the panes from (Addin:PublicUrl), e.g. https://recouvrement.cabinet.fr.')
param publicUrl string

@description('The Entra ID application (client) id of OutlookDunning.')
param clientId string

@description('PostgreSQL administrator login.')
param postgresAdmin string

@secure()
@description('PostgreSQL administrator password: used only by the migration step (admin guide, part 6), stored nowhere.')
param postgresPassword string

@description('The service\'s own PostgreSQL role, created by the migration step: rows only, no schema change.')
param appDbRole string = 'outlookdunning_app'

@secure()
@description('Password of the service\'s PostgreSQL role: goes to Key Vault (the service\'s connection string).')
param appDbPassword string

@secure()
@description('Secret from which each firm\'s AR24 callback key is derived (HMAC): 32 random bytes, e.g. openssl rand -base64 32.')
param webhookSecret string

@secure()
@description('AR24 API token: goes to Key Vault.')
param ar24Token string

@secure()
@description('AR24 private key (decrypts its replies): goes to Key Vault.')
param ar24PrivateKey string

@secure()
@description('The Entra application\'s client secret (on-behalf-of flow to Graph): goes to Key Vault.')
param clientSecret string

@description('Years a proof stays undeletable (WORM). Prescription is 5 years; keep at least that plus the trial.')
@minValue(1)
@maxValue(10)
param proofRetentionYears int = 6

var suffix = uniqueString(resourceGroup().id, name)
var tags = { application: 'OutlookDunning', firm: name }

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${name}-${suffix}'
  location: location
  tags: tags
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${name}-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}-${suffix}'
  location: location
  kind: 'web'
  tags: tags
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

// Proofs: version-level immutability on the whole account, so every proofs container of every firm is WORM from the
// first write. The policy starts unlocked (to be checked), then the admin locks it (see the admin guide).
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('st${toLower(name)}${suffix}', 24)
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  tags: tags
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    immutableStorageWithVersioning: {
      enabled: true
      immutabilityPolicy: {
        immutabilityPeriodSinceCreationInDays: proofRetentionYears * 365
        state: 'Unlocked'
        allowProtectedAppendWrites: false
      }
    }
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv-${name}-${suffix}', 24)
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

// The database is reachable only from inside this network: private access (VNet integration), no public endpoint,
// no firewall rule. The app joins the network through its own subnet; the migration step runs in a third one.
resource network 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: 'vnet-${name}-${suffix}'
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.40.1.0/24'
          delegations: [{ name: 'web', properties: { serviceName: 'Microsoft.Web/serverFarms' } }]
        }
      }
      {
        name: 'database'
        properties: {
          addressPrefix: '10.40.2.0/24'
          delegations: [{ name: 'postgres', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }]
        }
      }
      {
        name: 'migrations'
        properties: {
          addressPrefix: '10.40.3.0/24'
          delegations: [{ name: 'containers', properties: { serviceName: 'Microsoft.ContainerInstance/containerGroups' } }]
        }
      }
    ]
  }
}

resource appSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-01-01' existing = {
  parent: network
  name: 'app'
}

resource databaseSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-01-01' existing = {
  parent: network
  name: 'database'
}

resource databaseDns 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: '${name}-${suffix}.private.postgres.database.azure.com'
  location: 'global'
  tags: tags
}

resource databaseDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: databaseDns
  name: 'vnet'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: network.id }
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'psql-${name}-${suffix}'
  location: location
  tags: tags
  sku: { name: 'Standard_B2s', tier: 'Burstable' }
  properties: {
    version: '15'
    administratorLogin: postgresAdmin
    administratorLoginPassword: postgresPassword
    storage: { storageSizeGB: 32, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: 35, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    network: {
      delegatedSubnetResourceId: databaseSubnet.id
      privateDnsZoneArmResourceId: databaseDns.id
      publicNetworkAccess: 'Disabled'
    }
  }
  dependsOn: [databaseDnsLink]
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: 'outlookdunning'
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// The app reads these through Key Vault references with its managed identity; they appear in no output.
resource connectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'ConnectionStrings--Dunning'
  properties: {
    // The service connects as its own role, never as the server's admin.
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${database.name};Username=${appDbRole};Password=${appDbPassword};SSL Mode=Require'
  }
}

resource webhookSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'Ar24--WebhookSecret'
  properties: { value: webhookSecret }
}

resource ar24TokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'Ar24--Token'
  properties: { value: ar24Token }
}

resource ar24KeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'Ar24--PrivateKey'
  properties: { value: ar24PrivateKey }
}

resource clientSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'AzureAd--ClientSecret'
  properties: { value: clientSecret }
}

var roles = {
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource fileProofs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, roles.storageBlobDataContributor)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
  }
}

resource publishTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-${name}-${suffix}'
  location: location
  kind: 'linux'
  tags: tags
  sku: { name: 'P0v3', capacity: 2 }
  properties: { reserved: true }
}

// Two instances share the work safely (outbox leases, shared token cache and data-protection keys in the database).
resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-${name}-${suffix}'
  location: location
  kind: 'app,linux,container'
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    virtualNetworkSubnetId: appSubnet.id
    vnetRouteAllEnabled: true
    siteConfig: {
      linuxFxVersion: 'DOCKER|${image}'
      // The image is pulled with the app's managed identity (AcrPull on the registry): no registry password anywhere.
      acrUseManagedIdentityCreds: true
      acrUserManagedIdentityID: identity.properties.clientId
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/health/ready'
      appSettings: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        { name: 'WEBSITES_PORT', value: '8080' }
        // App Service's front end is the only way in: take the caller's address and scheme it forwards, or AR24's
        // callbacks never match Ar24:WebhookAllowedIps and every caller shares one rate-limit partition.
        { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' }
        { name: 'Database__Provider', value: 'Postgres' }
        // The service's role cannot change the schema: the migration step (admin guide, part 6) applies migrations.
        { name: 'Database__MigrateAtStartup', value: 'false' }
        { name: 'ConnectionStrings__Dunning', value: '@Microsoft.KeyVault(SecretUri=${connectionString.properties.secretUri})' }
        { name: 'Ar24__Token', value: '@Microsoft.KeyVault(SecretUri=${ar24TokenSecret.properties.secretUri})' }
        { name: 'Ar24__PrivateKey', value: '@Microsoft.KeyVault(SecretUri=${ar24KeySecret.properties.secretUri})' }
        { name: 'Ar24__WebhookSecret', value: '@Microsoft.KeyVault(SecretUri=${webhookSecretValue.properties.secretUri})' }
        { name: 'AzureAd__ClientSecret', value: '@Microsoft.KeyVault(SecretUri=${clientSecretValue.properties.secretUri})' }
        // The certificate that encrypts the data-protection keys in the database; the admin creates it in Key Vault (guide, part 6).
        { name: 'DataProtection__Certificate', value: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/dataprotection)' }
        { name: 'AzureAd__ClientId', value: clientId }
        { name: 'Ar24__BaseUrl', value: 'https://app.ar24.fr/api/' }
        { name: 'Ar24__WebhookBaseUrl', value: publicUrl }
        { name: 'Addin__PublicUrl', value: publicUrl }
        { name: 'Proofs__Store', value: 'AzureBlob' }
        { name: 'Proofs__BlobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'Proofs__ManagedIdentityClientId', value: identity.properties.clientId }
        // The same WORM period as the storage's policy: an erasure request says until when a proof stays.
        { name: 'Proofs__ImmutabilityDays', value: string(proofRetentionYears * 365) }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
      ]
    }
  }
}

output identityPrincipalId string = identity.properties.principalId
output appUrl string = 'https://${app.properties.defaultHostName}'
output keyVaultName string = vault.name
output storageAccountName string = storage.name
output postgresServer string = postgres.properties.fullyQualifiedDomainName
output migrationsSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', network.name, 'migrations')
