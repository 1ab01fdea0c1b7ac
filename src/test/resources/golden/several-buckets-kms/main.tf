# Rolegate connection c0a8012e-kms: Data lake
# Apply with credentials of AWS account 111122223333.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "eu-central-1"
}

resource "aws_iam_role" "rolegate" {
  name                 = "rolegate-c0a8012e-kms"
  description          = "Read access for Rolegate connection c0a8012e-kms"
  max_session_duration = 3600
  assume_role_policy   = <<EOT
{
  "Version" : "2012-10-17",
  "Statement" : {
    "Sid" : "RolegateAssumeRoleWithExternalId",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::999988887777:root"
    },
    "Action" : "sts:AssumeRole",
    "Condition" : {
      "StringEquals" : {
        "sts:ExternalId" : "rg-kmscase3333333333333333333333333"
      }
    }
  }
}
EOT
}

resource "aws_iam_role_policy" "rolegate_read" {
  name   = "rolegate-read"
  role   = aws_iam_role.rolegate.id
  policy = <<EOT
{
  "Version" : "2012-10-17",
  "Statement" : [ {
    "Sid" : "ListBuckets",
    "Effect" : "Allow",
    "Action" : [ "s3:ListBucket", "s3:ListBucketVersions" ],
    "Resource" : "arn:aws:s3:::acme-logs"
  }, {
    "Sid" : "ListPrefix1",
    "Effect" : "Allow",
    "Action" : [ "s3:ListBucket", "s3:ListBucketVersions" ],
    "Resource" : "arn:aws:s3:::acme-data",
    "Condition" : {
      "StringLike" : {
        "s3:prefix" : "exports/*"
      }
    }
  }, {
    "Sid" : "ListPrefix2",
    "Effect" : "Allow",
    "Action" : [ "s3:ListBucket", "s3:ListBucketVersions" ],
    "Resource" : "arn:aws:s3:::acme.archive",
    "Condition" : {
      "StringLike" : {
        "s3:prefix" : "2023*"
      }
    }
  }, {
    "Sid" : "ReadObjects",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject", "s3:GetObjectVersion" ],
    "Resource" : [ "arn:aws:s3:::acme-data/exports/*", "arn:aws:s3:::acme-logs/*", "arn:aws:s3:::acme.archive/2023*" ]
  }, {
    "Sid" : "LocateBuckets",
    "Effect" : "Allow",
    "Action" : "s3:GetBucketLocation",
    "Resource" : [ "arn:aws:s3:::acme-data", "arn:aws:s3:::acme-logs", "arn:aws:s3:::acme.archive" ]
  }, {
    "Sid" : "DecryptViaS3EuCentral1",
    "Effect" : "Allow",
    "Action" : "kms:Decrypt",
    "Resource" : [ "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:kms:eu-central-1:444455556666:key/0987dcba-09fe-87dc-65ba-ab0987654321" ],
    "Condition" : {
      "StringEquals" : {
        "kms:ViaService" : "s3.eu-central-1.amazonaws.com"
      }
    }
  }, {
    "Sid" : "DecryptViaS3UsWest2",
    "Effect" : "Allow",
    "Action" : "kms:Decrypt",
    "Resource" : "arn:aws:kms:us-west-2:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab",
    "Condition" : {
      "StringEquals" : {
        "kms:ViaService" : "s3.us-west-2.amazonaws.com"
      }
    }
  } ]
}
EOT
}

output "role_arn" {
  description = "Paste this role ARN into Rolegate."
  value       = aws_iam_role.rolegate.arn
}
