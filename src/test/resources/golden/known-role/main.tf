# Rolegate connection c0a8012e-known: Made by hand
# Apply with credentials of AWS account 111122223333.
# Updates the existing role VendorRole: replace the earlier version of this file and run
# terraform apply. A role created by hand or with the AWS CLI is not in your Terraform state
# yet; import it first: terraform import aws_iam_role.rolegate VendorRole

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "us-gov-west-1"
}

resource "aws_iam_role" "rolegate" {
  name                 = "VendorRole"
  path                 = "/partners/"
  description          = "Read access for Rolegate connection c0a8012e-known"
  max_session_duration = 3600
  assume_role_policy   = <<EOT
{
  "Version" : "2012-10-17",
  "Statement" : {
    "Sid" : "RolegateAssumeRoleWithExternalId",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws-us-gov:iam::999988887777:root"
    },
    "Action" : "sts:AssumeRole",
    "Condition" : {
      "StringEquals" : {
        "sts:ExternalId" : "rg-knowncase888888888888888888888888"
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
    "Sid" : "ListPrefix1",
    "Effect" : "Allow",
    "Action" : [ "s3:ListBucket", "s3:ListBucketVersions" ],
    "Resource" : "arn:aws-us-gov:s3:::acme-gov",
    "Condition" : {
      "StringLike" : {
        "s3:prefix" : "reports/*"
      }
    }
  }, {
    "Sid" : "ReadObjects",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject", "s3:GetObjectVersion" ],
    "Resource" : "arn:aws-us-gov:s3:::acme-gov/reports/*"
  }, {
    "Sid" : "LocateBuckets",
    "Effect" : "Allow",
    "Action" : "s3:GetBucketLocation",
    "Resource" : "arn:aws-us-gov:s3:::acme-gov"
  } ]
}
EOT
}

output "role_arn" {
  description = "Paste this role ARN into Rolegate."
  value       = aws_iam_role.rolegate.arn
}
